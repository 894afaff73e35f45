package jp.inochi.hazards.importing;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import jp.inochi.hazards.HazardLayerReplaced;
import jp.inochi.hazards.model.HazardProfile;
import jp.inochi.hazards.model.HazardProfiles;
import jp.inochi.hazards.model.ZoneSeverity;
import jp.inochi.hazards.reading.SourceDescription;

/** Hazard zones: each feature's severity from the hazard profile, published with its subdivided parts. */
@Singleton
final class HazardZoneTarget implements LayerTarget {
    private final ImportSettings settings;
    private final ApplicationEventPublisher<HazardLayerReplaced> events;

    HazardZoneTarget(ImportSettings settings, ApplicationEventPublisher<HazardLayerReplaced> events) {
        this.settings = settings;
        this.events = events;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.HAZARD;
    }

    @Override
    public boolean polygons() {
        return true;
    }

    @Override
    public List<String> columns() {
        return List.of("severity smallint", "severity_label text", "depth_min_m numeric", "depth_max_m numeric",
                "duration_rank smallint", "duration_label text", "phenomenon text");
    }

    @Override
    public FeatureMapper bind(ImportRequest request, SourceDescription source, Connection connection) {
        if (request.hazardType() == null) {
            throw new ImportFailure("災害種別（hazardType: FLOOD, LANDSLIDE, TSUNAMI, STORM_SURGE）を指定してください");
        }
        HazardProfile profile;
        HazardProfile.ZoneClassifier classifier;
        try {
            profile = HazardProfiles.choose(request.profile(), request.hazardType(), request.severityField(), request.labelField());
            classifier = profile.bind(source.fieldNames());
        } catch (IllegalArgumentException | HazardProfile.ProfileMismatch e) {
            throw new ImportFailure(source.fileName() + ": " + e.getMessage());
        }
        return new FeatureMapper() {
            @Override
            public String profile() {
                return profile.code();
            }

            @Override
            public String fieldsUsed() {
                return classifier.fieldsUsed();
            }

            @Override
            public Mapped map(jp.inochi.hazards.reading.SourceFeature feature) throws ProblemFound {
                try {
                    ZoneSeverity zone = classifier.classify(feature.attributes());
                    return Mapped.of(zone.severity(), zone.label(), zone.depthMin(), zone.depthMax(), zone.durationRank(),
                            zone.durationLabel(), zone.phenomenon());
                } catch (HazardProfile.AttributeProblem problem) {
                    throw new ProblemFound(problem.field(), problem.getMessage());
                }
            }
        };
    }

    @Override
    public long publish(Connection connection, Version version) throws SQLException {
        try (PreparedStatement zones = connection.prepareStatement("""
                INSERT INTO hazard_zone (version_id, hazard_type, feature_index, severity, severity_label, depth_min_m,
                    depth_max_m, duration_rank, duration_label, phenomenon, attributes, geom)
                SELECT ?, ?, feature_index, severity, severity_label, depth_min_m, depth_max_m, duration_rank,
                    duration_label, phenomenon, attributes, ST_Multi(geom)
                FROM import_stage WHERE skip_reason IS NULL ORDER BY feature_index""")) {
            zones.setLong(1, version.versionId());
            zones.setString(2, version.hazardType().name());
            zones.executeUpdate();
        }
        long parts;
        try (PreparedStatement subdivide = connection.prepareStatement("""
                INSERT INTO hazard_zone_part (zone_id, version_id, hazard_type, severity, geom)
                SELECT s.id, s.version_id, s.hazard_type, s.severity, d.geom
                FROM (SELECT z.id, z.version_id, z.hazard_type, z.severity, ST_Subdivide(z.geom, ?) AS g
                      FROM hazard_zone z WHERE z.version_id = ?) s,
                     LATERAL ST_Dump(s.g) d
                WHERE GeometryType(d.geom) = 'POLYGON'""")) {
            subdivide.setInt(1, settings.subdivideVertices());
            subdivide.setLong(2, version.versionId());
            parts = subdivide.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE hazard_zone_part");
        }
        return parts;
    }

    @Override
    public void replaced(Connection connection, Version version, Long previousVersionId) {
        events.publishEvent(new HazardLayerReplaced(version.layerId(), version.hazardType(), version.versionId(),
                previousVersionId, version.at()));
    }

    @Override
    public void deleteData(Connection connection, long versionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hazard_zone WHERE version_id = ?")) {
            delete.setLong(1, versionId);
            delete.executeUpdate();
        }
    }
}
