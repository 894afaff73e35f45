package jp.inochi.exposure;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.hazards.model.HazardType;

/**
 * Reads stored exposure for households already found in scope by the caller (this class itself returns no
 * personal data): one entry per hazard type, with 指定なし and データなし spelled out.
 */
@Singleton
public class ExposureReadings {
    private final TransactionOperations<Connection> transactions;

    ExposureReadings(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Hazard types that have at least one current layer. */
    public Set<HazardType> evaluatedTypes(Connection connection) throws SQLException {
        Set<HazardType> types = EnumSet.noneOf(HazardType.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT hazard_type FROM geo_layer WHERE kind = 'HAZARD' AND current_version_id IS NOT NULL");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                types.add(HazardType.valueOf(rows.getString(1)));
            }
        }
        return types;
    }

    /** Every household's exposures, in hazard type order (洪水, 土砂災害, 津波, 高潮). */
    public Map<Long, List<HazardExposure>> forHouseholds(Collection<Long> householdIds) {
        return transactions.executeRead(status -> forHouseholds(status.getConnection(), householdIds));
    }

    public Map<Long, List<HazardExposure>> forHouseholds(Connection connection, Collection<Long> householdIds) throws SQLException {
        Set<HazardType> evaluated = evaluatedTypes(connection);
        Map<Long, Map<HazardType, HazardExposure>> found = new HashMap<>();
        if (!householdIds.isEmpty()) {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT e.household_id, e.hazard_type, e.status, e.severity, e.severity_label, z.phenomenon, e.distance_m,
                           e.layer_id, l.name, e.layer_version_id, v.version_no, e.evaluated_at, z.severity
                    FROM household_hazard_exposure e
                    LEFT JOIN hazard_zone z ON z.id = e.zone_id
                    LEFT JOIN geo_layer l ON l.id = e.layer_id
                    LEFT JOIN geo_layer_version v ON v.id = e.layer_version_id
                    WHERE e.household_id = ANY (?)""")) {
                Array ids = connection.createArrayOf("bigint", householdIds.toArray());
                select.setArray(1, ids);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        HazardType type = HazardType.valueOf(row.getString(2));
                        found.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(type, HazardExposure.of(type,
                                row.getString(3), (Integer) row.getObject(4, Integer.class), row.getString(5), row.getString(6),
                                (Double) row.getObject(7, Double.class), (Long) row.getObject(8, Long.class), row.getString(9),
                                (Long) row.getObject(10, Long.class), (Integer) row.getObject(11, Integer.class),
                                row.getTimestamp(12).toInstant(), (Integer) row.getObject(13, Integer.class)));
                    }
                }
            }
        }
        Map<Long, List<HazardExposure>> result = new LinkedHashMap<>();
        for (Long id : householdIds) {
            Map<HazardType, HazardExposure> byType = found.getOrDefault(id, Map.of());
            List<HazardExposure> list = new ArrayList<>();
            for (HazardType type : HazardType.values()) {
                HazardExposure exposure = byType.get(type);
                list.add(exposure != null && evaluated.contains(type) ? exposure
                        : HazardExposure.notEvaluated(type, evaluated.contains(type)));
            }
            result.put(id, list);
        }
        return result;
    }
}
