package jp.inochi.evacuationplans;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.inochi.evacuationplans.print.PrintablePlan.LonLat;

/** Where the printed plan's map points are: the home, the chosen shelters and the municipality's outline (PostGIS). */
@Singleton
class PlanMapPlaces {
    private final TransactionOperations<Connection> transactions;

    PlanMapPlaces(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    Optional<LonLat> home(long householdId) {
        return transactions.executeRead(status -> point(status.getConnection(),
                "SELECT ST_X(location), ST_Y(location) FROM household WHERE id = ? AND location IS NOT NULL", householdId));
    }

    Optional<LonLat> shelter(long shelterId) {
        return transactions.executeRead(status -> point(status.getConnection(),
                "SELECT ST_X(geom), ST_Y(geom) FROM shelter WHERE id = ?", shelterId));
    }

    /** The exterior rings of the municipality's current boundary, simplified to a few hundred metres. */
    List<List<LonLat>> outline(String municipalityCode) {
        if (municipalityCode == null) {
            return List.of();
        }
        return transactions.executeRead(status -> {
            Map<Integer, List<LonLat>> rings = new LinkedHashMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(OUTLINE)) {
                select.setString(1, municipalityCode);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rings.computeIfAbsent(row.getInt(1), ring -> new ArrayList<>())
                                .add(new LonLat(row.getDouble(2), row.getDouble(3)));
                    }
                }
            }
            return List.copyOf(rings.values());
        });
    }

    private static Optional<LonLat> point(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new LonLat(row.getDouble(1), row.getDouble(2))) : Optional.empty();
            }
        }
    }

    private static final String OUTLINE = """
            WITH area AS (
                SELECT a.geom FROM admin_area a JOIN geo_layer_version v ON v.id = a.version_id
                WHERE a.municipality_code = ? AND a.ward_code IS NULL AND v.status = 'CURRENT'
                ORDER BY a.id LIMIT 1
            ), polygons AS (
                SELECT (ST_Dump(ST_SimplifyPreserveTopology(geom, 0.003))).* FROM area
            ), points AS (
                SELECT p.path[1] AS ring, (ST_DumpPoints(ST_ExteriorRing(p.geom))).* FROM polygons p
            )
            SELECT ring, ST_X(geom), ST_Y(geom) FROM points ORDER BY ring, path[1]
            """;
}
