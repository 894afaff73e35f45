package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * 災害時の宣言: while active, officers of its municipalities also see the households that did not consent to
 * sharing (災害対策基本法 49条の11 第3項). The visibility rule itself is SQL ({@code household_access_basis}),
 * evaluated at the service's Clock, so a declaration ends by itself at its end time.
 */
@MappedEntity("disaster_declaration")
public record DisasterDeclaration(
        @Id @GeneratedValue @Nullable Long id,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> municipalityCodes,
        DeclaredHazard hazardType,
        String reason,
        Instant startsAt,
        Instant endsAt,
        @Nullable Instant endedAt,
        long declaredBy,
        Instant createdAt,
        @Nullable Long endedBy,
        @Nullable String endReason,
        @Version @Nullable Long version) {

    /** Its planned end, or the earlier instant it was ended at (the same rule as the SQL function). */
    public Instant effectiveEnd() {
        return endedAt != null && endedAt.isBefore(endsAt) ? endedAt : endsAt;
    }

    public DeclarationStatus status(Instant now) {
        if (!now.isBefore(effectiveEnd())) {
            return DeclarationStatus.ENDED;
        }
        return now.isBefore(startsAt) ? DeclarationStatus.SCHEDULED : DeclarationStatus.ACTIVE;
    }

    public boolean covers(String municipalityCode) {
        return municipalityCodes.contains(municipalityCode);
    }

    DisasterDeclaration extendedTo(Instant newEnd) {
        return new DisasterDeclaration(id, municipalityCodes, hazardType, reason, startsAt, newEnd, endedAt, declaredBy,
                createdAt, endedBy, endReason, version);
    }

    DisasterDeclaration endedAt(Instant when, @Nullable Long by, String why) {
        return new DisasterDeclaration(id, municipalityCodes, hazardType, reason, startsAt, endsAt, when, declaredBy,
                createdAt, by, why, version);
    }
}
