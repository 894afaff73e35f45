package jp.inochi.hazards;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import jp.inochi.platform.database.PlannerStatistics;
import jp.inochi.hazards.model.HazardProfile;
import jp.inochi.hazards.model.HazardProfiles;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.hazards.model.ZoneSeverity;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.LayerTarget;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.ImportSettings;
import jp.inochi.layers.ImportFailure;

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

    /** A layer keeps its hazard type: another type's data goes under another name. */
    @Override
    public void continuesLayer(ImportRequest request, String hazardType) {
        if (!request.hazardType().equals(hazardType)) {
            throw new ImportFailure("レイヤー「" + request.layerName() + "」は" + HazardType.valueOf(hazardType).label()
                    + "のレイヤーです。別の災害種別のデータは別の名前で読み込んでください");
        }
    }

    @Override
    public FeatureMapper bind(ImportRequest request, SourceDescription source, Connection connection) {
        if (request.hazardType() == null) {
            throw new ImportFailure("災害種別（hazardType: FLOOD, LANDSLIDE, TSUNAMI, STORM_SURGE）を指定してください");
        }
        HazardType type = HazardType.valueOf(request.hazardType());
        HazardProfile profile;
        HazardProfile.ZoneClassifier classifier;
        try {
            profile = HazardProfiles.choose(request.profile(), type, request.severityField(), request.labelField());
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
            public Mapped map(jp.inochi.layers.reading.SourceFeature feature) throws ProblemFound {
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

    /**
     * Each polygon (from ST_Dump of geometry d) as it is when it has at most N vertices, otherwise cut by ST_Subdivide:
     * most KSJ zones are small, and ST_Subdivide costs about as much for a small polygon as for a large one.
     * Parameters: N, N, N.
     */
    static final String SMALL_OR_SUBDIVIDED = """
                    SELECT d.geom WHERE ST_NPoints(d.geom) <= ?
                    UNION ALL
                    SELECT s.geom FROM ST_Subdivide(d.geom, ?) AS c(g), LATERAL ST_Dump(c.g) s
                    WHERE ST_NPoints(d.geom) > ? AND GeometryType(s.geom) = 'POLYGON'""";

    @Override
    public long publish(Connection connection, Version version) throws SQLException {
        long parts;
        try (PreparedStatement publish = connection.prepareStatement("""
                WITH zones AS (
                    INSERT INTO hazard_zone (version_id, hazard_type, feature_index, severity, severity_label, depth_min_m,
                        depth_max_m, duration_rank, duration_label, phenomenon, attributes, geom)
                    SELECT ?, ?, feature_index, severity, severity_label, depth_min_m, depth_max_m, duration_rank,
                        duration_label, phenomenon, attributes, ST_Multi(geom)
                    FROM import_stage WHERE skip_reason IS NULL ORDER BY feature_index
                    RETURNING id, version_id, hazard_type, severity, geom
                )
                INSERT INTO hazard_zone_part (zone_id, version_id, hazard_type, severity, geom)
                SELECT z.id, z.version_id, z.hazard_type, z.severity, p.geom
                FROM zones z
                CROSS JOIN LATERAL ST_Dump(z.geom) d
                CROSS JOIN LATERAL (""" + SMALL_OR_SUBDIVIDED + ") p")) {
            publish.setLong(1, version.versionId());
            publish.setString(2, version.hazardType());
            publish.setInt(3, settings.subdivideVertices());
            publish.setInt(4, settings.subdivideVertices());
            publish.setInt(5, settings.subdivideVertices());
            parts = publish.executeUpdate();
        }
        // a first import or a much larger layer: plan the exposure statement that follows on the new sizes
        PlannerStatistics.refreshIfChangedMuch(connection, "hazard_zone_part", parts - partsOf(connection, version.previousVersionId()));
        return parts;
    }

    private static long partsOf(Connection connection, Long versionId) throws SQLException {
        if (versionId == null) {
            return 0;
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM hazard_zone_part WHERE version_id = ?")) {
            count.setLong(1, versionId);
            try (java.sql.ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Override
    public void replaced(Connection connection, Version version, Long previousVersionId) {
        events.publishEvent(new HazardLayerReplaced(version.layerId(), HazardType.valueOf(version.hazardType()),
                version.versionId(), previousVersionId, version.at()));
    }

    @Override
    public void deleteData(Connection connection, long versionId) throws SQLException {
        try (PreparedStatement parts = connection.prepareStatement("DELETE FROM hazard_zone_part WHERE version_id = ?");
             PreparedStatement zones = connection.prepareStatement("DELETE FROM hazard_zone WHERE version_id = ?")) {
            parts.setLong(1, versionId);
            parts.executeUpdate();
            zones.setLong(1, versionId);
            zones.executeUpdate();
        }
    }
}
