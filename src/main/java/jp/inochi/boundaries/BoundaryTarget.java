package jp.inochi.boundaries;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.layers.ImportFailure;
import jp.inochi.layers.ImportRequest;
import jp.inochi.hazards.HazardZoneParts;
import jp.inochi.layers.ImportSettings;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.LayerTarget;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;

/** Administrative areas (KSJ N03): each area's municipality (and ward) from its code, then every household's place. */
@Singleton
final class BoundaryTarget implements LayerTarget {
    private final ImportSettings settings;
    private final HouseholdPlaces places;

    BoundaryTarget(ImportSettings settings, HouseholdPlaces places) {
        this.settings = settings;
        this.places = places;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.BOUNDARY;
    }

    @Override
    public boolean polygons() {
        return true;
    }

    @Override
    public List<String> columns() {
        return List.of("code varchar(5)", "municipality_code varchar(5)", "ward_code varchar(5)");
    }

    @Override
    public FeatureMapper bind(ImportRequest request, SourceDescription source, Connection connection) throws SQLException {
        Map<String, String> parentOf = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT code, coalesce(parent_code, code) FROM municipality");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                parentOf.put(rows.getString(1), rows.getString(2));
            }
        }
        AdministrativeAreaCode codes = AdministrativeAreaCode.bind(source.fieldNames(), request.severityField(), parentOf)
                .orElseThrow(() -> new ImportFailure(source.fileName() + ": 行政区域コードの項目（"
                        + String.join(" / ", AdministrativeAreaCode.CODE_FIELDS) + "）がありません。項目名を指定してください"
                        + "（codeField）。ファイルの項目: " + String.join(", ", source.fieldNames())));
        return new FeatureMapper() {
            @Override
            public String profile() {
                return "N03";
            }

            @Override
            public String fieldsUsed() {
                return codes.field();
            }

            @Override
            public Mapped map(SourceFeature feature) {
                AdministrativeAreaCode.Resolved area = codes.resolve(feature.attributes());
                return area.skipReason() != null ? Mapped.skip(area.skipReason())
                        : Mapped.of(area.code(), area.municipalityCode(), area.wardCode());
            }
        };
    }

    @Override
    public long publish(Connection connection, Version version) throws SQLException {
        try (PreparedStatement areas = connection.prepareStatement("""
                INSERT INTO admin_area (version_id, feature_index, code, municipality_code, ward_code, name, attributes, geom)
                SELECT ?, s.feature_index, s.code, s.municipality_code, s.ward_code,
                       m.name || coalesce(w.name, ''), s.attributes, ST_Multi(s.geom)
                FROM import_stage s
                JOIN municipality m ON m.code = s.municipality_code
                LEFT JOIN municipality w ON w.code = s.ward_code
                WHERE s.skip_reason IS NULL ORDER BY s.feature_index""")) {
            areas.setLong(1, version.versionId());
            areas.executeUpdate();
        }
        try (PreparedStatement subdivide = connection.prepareStatement("""
                INSERT INTO admin_area_part (area_id, version_id, municipality_code, ward_code, geom)
                SELECT a.id, a.version_id, a.municipality_code, a.ward_code, p.geom
                FROM admin_area a
                CROSS JOIN LATERAL ST_Dump(a.geom) d
                CROSS JOIN LATERAL (""" + HazardZoneParts.SMALL_OR_SUBDIVIDED + """
                ) p
                WHERE a.version_id = ?""")) {
            subdivide.setInt(1, settings.subdivideVertices());
            subdivide.setInt(2, settings.subdivideVertices());
            subdivide.setInt(3, settings.subdivideVertices());
            subdivide.setLong(4, version.versionId());
            return subdivide.executeUpdate();
        }
    }

    @Override
    public void replaced(Connection connection, Version version, Long previousVersionId) {
        places.recomputeAll();
    }

    @Override
    public void deleteData(Connection connection, long versionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM admin_area WHERE version_id = ?")) {
            delete.setLong(1, versionId);
            delete.executeUpdate();
        }
    }
}
