package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.EventState;
import jp.inochi.disasters.model.EventType;

/**
 * 災害対応: an event the center declares over an area. The polygon of a POLYGON area lives in {@code area_geom}
 * (EPSG:6668), which Java never reads; the households the area covers are fixed in {@code disaster_event_household}.
 */
@MappedEntity("disaster_event")
public record DisasterEvent(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        EventType eventType,
        EventState state,
        AreaKind areaKind,
        @Nullable @TypeDef(type = DataType.STRING_ARRAY) List<String> areaCodes,
        @Nullable Long areaLayerId,
        @Nullable Long areaLayerVersionId,
        @Nullable Integer areaMinSeverity,
        @Nullable String areaSource,
        @Nullable String areaSourceCrs,
        String areaDescription,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> municipalityCodes,
        Instant startsAt,
        @Nullable Instant outageStartedAt,
        @Nullable Instant expectedRestorationAt,
        @Nullable String note,
        @Nullable Long declarationId,
        long declaredBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant closedAt,
        @Nullable Long closedBy,
        @Nullable String closeReason,
        @Version @Nullable Long version) {

    public boolean covers(String municipalityCode) {
        return municipalityCodes.contains(municipalityCode);
    }

    /** Hours the power has been out at {@code now} (0 before it went out, or when it has not). */
    public double hoursWithoutPower(Instant now) {
        if (outageStartedAt == null || now.isBefore(outageStartedAt)) {
            return 0;
        }
        return Duration.between(outageStartedAt, now).toSeconds() / 3600.0;
    }

    DisasterEvent withOutage(@Nullable Instant outageStarted, @Nullable Instant expectedRestoration, Instant now) {
        return new DisasterEvent(id, name, eventType, state, areaKind, areaCodes, areaLayerId, areaLayerVersionId,
                areaMinSeverity, areaSource, areaSourceCrs, areaDescription, municipalityCodes, startsAt, outageStarted,
                expectedRestoration, note, declarationId, declaredBy, createdAt, now, closedAt, closedBy, closeReason,
                version);
    }

    DisasterEvent withDeclaration(long declaration, Instant now) {
        return new DisasterEvent(id, name, eventType, state, areaKind, areaCodes, areaLayerId, areaLayerVersionId,
                areaMinSeverity, areaSource, areaSourceCrs, areaDescription, municipalityCodes, startsAt, outageStartedAt,
                expectedRestorationAt, note, declaration, declaredBy, createdAt, now, closedAt, closedBy, closeReason,
                version);
    }

    DisasterEvent closed(long by, String reason, Instant now) {
        return new DisasterEvent(id, name, eventType, EventState.CLOSED, areaKind, areaCodes, areaLayerId,
                areaLayerVersionId, areaMinSeverity, areaSource, areaSourceCrs, areaDescription, municipalityCodes,
                startsAt, outageStartedAt, expectedRestorationAt, note, declarationId, declaredBy, createdAt, now, now, by,
                reason, version);
    }
}
