package jp.inochi.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.consultations.model.ConsultationChannel;

/** 相談記録 (seed 000, line 574): one consultation the center took, linked to a household once there is one. */
@MappedEntity("consultation")
public record Consultation(
        @Id @GeneratedValue @Nullable Long id,
        LocalDate consultedOn,
        ConsultationChannel channel,
        String consulterName,
        @Nullable String consulterRelation,
        @Nullable String consulterContact,
        @Nullable String childName,
        @Nullable String childNameKana,
        @Nullable Long householdId,
        @Nullable Long programApplicationId,
        String topic,
        @Nullable String outcome,
        @Nullable LocalDate followUpOn,
        @Nullable String followUpNote,
        String recordedBy,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    /** Who the consultation was about, as lists show it: the child's name, or the household's number once linked. */
    public String aboutWhom() {
        if (childName != null) {
            return childName;
        }
        return "世帯 第" + householdId + "号";
    }

    public String channelLabel() {
        return channel.label();
    }

    Consultation linkedTo(Long household, @Nullable Long application, Instant now) {
        return new Consultation(id, consultedOn, channel, consulterName, consulterRelation, consulterContact, childName,
                childNameKana, household, application, topic, outcome, followUpOn, followUpNote, recordedBy, createdAt,
                now, version);
    }
}
