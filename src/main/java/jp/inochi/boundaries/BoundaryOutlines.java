package jp.inochi.boundaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The current boundary layers' areas as GeoJSON for maps to draw as outlines: every area, or those of one
 * municipality or ward. Simplified to about 10 m (a border line, not a survey) and rounded to 5 decimals. The
 * collection carries the layers' credit as {@code attribution}, so a map shows it whenever it shows the lines.
 */
@Singleton
public class BoundaryOutlines {
    /** Parameters: the code, three times (null for every area). */
    static final String GEOJSON = """
            WITH current_areas AS (
                SELECT a.code, a.municipality_code, a.ward_code, a.name, a.geom, v.credit, v.source
                FROM admin_area a
                JOIN geo_layer l ON l.current_version_id = a.version_id AND l.kind = 'BOUNDARY'
                JOIN geo_layer_version v ON v.id = a.version_id
                WHERE ?::text IS NULL OR a.code = ? OR a.municipality_code = ? OR a.ward_code = ?
            )
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'attribution', (SELECT string_agg(DISTINCT coalesce(credit, source), ' / ') FROM current_areas),
                'features', coalesce((SELECT json_agg(json_build_object(
                        'type', 'Feature',
                        'properties', json_build_object('code', code, 'municipality_code', municipality_code,
                                                        'ward_code', ward_code, 'name', name),
                        'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.0001), 5)::json) ORDER BY code)
                    FROM current_areas), '[]'::json))::text""";

    private final TransactionOperations<Connection> transactions;

    BoundaryOutlines(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A FeatureCollection: empty, without attribution, when no boundary layer is loaded. */
    public String geoJson(@Nullable String code) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(GEOJSON)) {
                for (int i = 1; i <= 4; i++) {
                    select.setString(i, code);
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    /** The current boundary layers' credit lines, joined; null when none is loaded. */
    @Nullable
    public String credit() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT string_agg(DISTINCT coalesce(v.credit, v.source), ' / ')
                    FROM geo_layer l JOIN geo_layer_version v ON v.id = l.current_version_id
                    WHERE l.kind = 'BOUNDARY'""");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
