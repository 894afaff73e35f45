package jp.inochi.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.time.JapanTime;

/**
 * An audit log search as typed (the API's query and the page's form take the same fields): read into an
 * {@link AuditFilter}, or the Japanese error of each field that can't be read.
 */
record AuditFilterInput(@Nullable Long userId, @Nullable String username, @Nullable Long householdId,
                        @Nullable String action, @Nullable String basis, @Nullable String from, @Nullable String to,
                        @Nullable String subjectType, @Nullable String subjectId) {

    /** The filter, or the errors (then the filter is null). */
    record Read(@Nullable AuditFilter filter, List<FieldError> errors) {
    }

    Read read() {
        List<FieldError> errors = new ArrayList<>();
        AuditAction parsedAction = parseEnum(AuditAction.class, "action", action, errors);
        AccessBasis parsedBasis = parseEnum(AccessBasis.class, "basis", basis, errors);
        Instant start = parseInstant("from", from, false, errors);
        Instant end = parseInstant("to", to, true, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("to", "終了は開始より後にしてください"));
        }
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        return new Read(new AuditFilter(userId, blankToNull(username), householdId, parsedAction, parsedBasis, start, end,
                blankToNull(subjectType), blankToNull(subjectId)), List.of());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldError(field, "次のいずれかを指定してください: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    /** A date means that whole day in Japan: "from" its start, "to" the end of it. */
    private static Instant parseInstant(String field, @Nullable String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(JapanTime.ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException malformed) {
            errors.add(new FieldError(field, "日付（2026-07-01）または日時（2026-07-01T09:00:00+09:00）で指定してください"));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
