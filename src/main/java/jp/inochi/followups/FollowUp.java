package jp.inochi.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.inochi.followups.model.FollowUpReason;

/** A follow-up task (要対応) on a lent generator: open until staff mark it done with a note. */
@Serdeable
@MappedEntity("follow_up")
public record FollowUp(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        long householdId,
        long deviceId,
        @Nullable Long inspectionId,
        @Nullable Long testRunId,
        String reasons,
        LocalDate openedOn,
        LocalDate dueOn,
        Instant createdAt,
        @Nullable LocalDate doneOn,
        @Nullable Long doneBy,
        @Nullable Instant doneAt,
        @Nullable String doneNote,
        @Version @Nullable Long version) {

    static String reasonsText(List<FollowUpReason> reasons) {
        return reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public List<FollowUpReason> reasonList() {
        return Arrays.stream(reasons.split(",")).map(FollowUpReason::valueOf).toList();
    }

    /** The reasons in words, e.g. 「試運転の不良・燃料の保管に問題」. */
    public String reasonLabels() {
        return reasonList().stream().map(FollowUpReason::label).collect(Collectors.joining("・"));
    }

    public boolean open() {
        return doneAt == null;
    }

    FollowUp done(LocalDate on, @Nullable Long by, Instant at, String note) {
        return new FollowUp(id, loanId, householdId, deviceId, inspectionId, testRunId, reasons, openedOn, dueOn,
                createdAt, on, by, at, note, version);
    }
}
