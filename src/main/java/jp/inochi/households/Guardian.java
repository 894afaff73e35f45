package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** 保護者: a parent or carer; position 1 is the main contact for emails and calls. */
@MappedEntity("guardian")
public record Guardian(
        @Id @GeneratedValue @Nullable Long id,
        long householdId,
        int position,
        String name,
        @Nullable String nameKana,
        @Nullable String relationship,
        @Nullable String email,
        @Nullable String phone) {
}
