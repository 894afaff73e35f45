package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.reminders.model.ReportKind;
import jp.inochi.reminders.model.ReportState;

/** What a family reported through a link in a reminder, and how staff handled it. */
@MappedEntity("family_report")
public record FamilyReport(
        @Id @GeneratedValue @Nullable Long id,
        ReportKind kind,
        long loanId,
        long householdId,
        long reminderId,
        LocalDate obligationDueOn,
        String tokenId,
        @Nullable String comment,
        Instant reportedAt,
        LocalDate reportedOn,
        ReportState state,
        @Nullable Long handledBy,
        @Nullable Instant handledAt,
        @Nullable LocalDate handledOn,
        @Nullable String handledNote,
        @Nullable Long staffDigestId,
        @Version @Nullable Long version) {

    FamilyReport handled(ReportState next, @Nullable Long by, Instant at, LocalDate on, @Nullable String note) {
        return new FamilyReport(id, kind, loanId, householdId, reminderId, obligationDueOn, tokenId, comment, reportedAt,
                reportedOn, next, by, at, on, note, staffDigestId, version);
    }
}
