package jp.inochi.trainings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** 研修会 (seed 000, line 579): one session of the center's training on making the 個別避難計画. */
@Serdeable
@MappedEntity("training_session")
public record TrainingSession(
        @Id @GeneratedValue @Nullable Long id,
        LocalDate heldOn,
        LocalTime startsAt,
        LocalTime endsAt,
        String place,
        String topic,
        int capacity,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    /** 「14:00〜15:30」 */
    public String hours() {
        return startsAt + "〜" + endsAt;
    }
}
