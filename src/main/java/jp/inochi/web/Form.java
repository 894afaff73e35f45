package jp.inochi.web;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.inochi.platform.problem.FieldError;

/**
 * A posted form as the person typed it: read field by field into the types the services take, with a Japanese
 * error for each field that can't be read, and kept as typed so the page can show it again with the errors.
 * {@link #name()} says which form of the page it is (a page may hold several: approve, reject, ...).
 */
public final class Form {
    private static final int MAX_KEPT = 4000;

    private final String name;
    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();
    @Nullable
    private String pageError;

    private Form(String name, Map<String, String> values) {
        this.name = name;
        this.values = values;
    }

    /** A form posted as application/x-www-form-urlencoded ({@code @Body Map<String, Object>}). */
    public static Form of(String name, @Nullable Map<String, Object> body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((key, value) -> {
                if (!"_csrf".equals(key) && value != null) {
                    Object first = value instanceof Collection<?> many ? many.stream().findFirst().orElse(null) : value;
                    if (first != null) {
                        String text = String.valueOf(first);
                        values.put(key, text.length() > MAX_KEPT ? text.substring(0, MAX_KEPT) : text);
                    }
                }
            });
        }
        return new Form(name, values);
    }

    /** A form not posted yet, with the values it starts with. */
    public static Form blank(String name, String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new Form(name, values);
    }

    public String name() {
        return name;
    }

    /** This form, if it is the one named; otherwise an empty one of that name (for pages with several forms). */
    public Form forAction(String formName) {
        return name.equals(formName) ? this : blank(formName);
    }

    public boolean is(String formName) {
        return name.equals(formName);
    }

    /** The person has said yes to the {@link Confirmation} of this form's consequences. */
    public boolean confirmed() {
        return Confirmation.YES.equals(values.get(Confirmation.FIELD));
    }

    /** The fields as posted (not the CSRF token nor the confirmation), for posting the same form again. */
    public Map<String, String> posted() {
        Map<String, String> posted = new LinkedHashMap<>(values);
        posted.remove(Confirmation.FIELD);
        return posted;
    }

    // ---- what the template shows

    /** The value as typed, or "" (never null, so th:value stays simple). */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        String value = values.get(field);
        return value != null && (value.equals("true") || value.equals("on"));
    }

    /** For radio buttons and selects: was this option the one chosen? */
    public boolean selected(String field, Object option) {
        return Objects.equals(values.get(field), String.valueOf(option));
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public String error(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message)
                .reduce((a, b) -> a + "。" + b).orElse("");
    }

    /**
     * The field errors in the order the form shows its fields, which is the order the browser posted them in; a field
     * that was not posted at all (an unticked box, no file chosen) comes after those that were.
     */
    public List<FieldError> errors() {
        List<String> posted = new ArrayList<>(values.keySet());
        return errors.stream().sorted(Comparator.comparingInt(error -> {
            int at = posted.indexOf(error.field());
            return at < 0 ? Integer.MAX_VALUE : at;
        })).toList();
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || pageError != null;
    }

    @Nullable
    public String pageError() {
        return pageError;
    }

    /** What was typed (not the hidden fields), to show when the form itself can't be shown again. */
    public List<String> typed() {
        return values.entrySet().stream().filter(e -> !e.getKey().equals("version") && !e.getKey().equals(Confirmation.FIELD))
                .filter(e -> !e.getValue().isBlank())
                .filter(e -> !e.getValue().matches("\\d{4}-\\d{2}-\\d{2}|true|false|on"))
                .map(Map.Entry::getValue).toList();
    }

    // ---- reading into the services' types

    /** The text, stripped; null when empty. */
    @Nullable
    public String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A date from {@code <input type="date">} (yyyy-MM-dd); null when empty; an error when unreadable. */
    @Nullable
    public LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-'));
        } catch (DateTimeParseException e) {
            reject(field, UiText.of("error.date"));
            return null;
        }
    }

    /** A yes/no radio ("true"/"false"); null when not chosen. */
    @Nullable
    public Boolean yesNo(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        reject(field, UiText.of("error.yes-no"));
        return null;
    }

    /** A checkbox: checked or not. */
    public boolean checkbox(String field) {
        return checked(field);
    }

    @Nullable
    public Integer integer(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(halfWidth(value).replace(",", ""));
        } catch (NumberFormatException e) {
            reject(field, UiText.of("error.integer"));
            return null;
        }
    }

    @Nullable
    public Long longValue(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(halfWidth(value));
        } catch (NumberFormatException e) {
            reject(field, UiText.of("error.number-id"));
            return null;
        }
    }

    @Nullable
    public BigDecimal decimal(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(halfWidth(value).replace(",", ""));
        } catch (NumberFormatException e) {
            reject(field, UiText.of("error.decimal"));
            return null;
        }
    }

    @Nullable
    public Double coordinate(String field) {
        BigDecimal value = decimal(field);
        return value == null ? null : value.doubleValue();
    }

    /** One of an enum's names, as the select or radio sent it; an error for anything else. */
    @Nullable
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            reject(field, UiText.of("error.choice"));
            return null;
        }
    }

    /** The version of the record the person saw (optimistic locking). */
    @Nullable
    public Long version() {
        return longValue("version");
    }

    // ---- errors

    public Form reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Form rejectAll(Collection<FieldError> fieldErrors) {
        errors.addAll(fieldErrors);
        return this;
    }

    public Form failPage(String message) {
        this.pageError = message;
        return this;
    }

    /** Full-width digits and signs typed with a Japanese IME become ASCII. */
    static String halfWidth(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '０' && c <= '９') {
                ascii.append((char) (c - '０' + '0'));
            } else if (c == '．') {
                ascii.append('.');
            } else if (c == '－' || c == 'ー' || c == '−') {
                ascii.append('-');
            } else if (c == '，') {
                ascii.append(',');
            } else {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }
}
