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

    /**
     * The columns {@link #read} maps, for a statement that joins {@code household_hazard_exposure e} to the
     * households it shows and then {@link #DETAIL_JOINS}; a household without stored exposure gives nulls.
     */
    public static final String DETAIL_COLUMNS = """
            e.hazard_type, e.status, e.severity, e.severity_label, z.phenomenon, e.distance_m, e.layer_id, l.name,
            e.layer_version_id, v.version_no, e.evaluated_at, z.severity""";
    public static final String DETAIL_JOINS = """
            LEFT JOIN hazard_zone z ON z.id = e.zone_id
            LEFT JOIN geo_layer l ON l.id = e.layer_id
            LEFT JOIN geo_layer_version v ON v.id = e.layer_version_id""";

    public Map<Long, List<HazardExposure>> forHouseholds(Connection connection, Collection<Long> householdIds) throws SQLException {
        Set<HazardType> evaluated = evaluatedTypes(connection);
        Map<Long, Map<HazardType, HazardExposure>> found = new HashMap<>();
        if (!householdIds.isEmpty()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT e.household_id, " + DETAIL_COLUMNS
                    + "\nFROM household_hazard_exposure e\n" + DETAIL_JOINS + "\nWHERE e.household_id = ANY (?)")) {
                Array ids = connection.createArrayOf("bigint", householdIds.toArray());
                select.setArray(1, ids);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        HazardExposure exposure = read(row, 2);
                        found.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(exposure.hazardType(), exposure);
                    }
                }
            }
        }
        Map<Long, List<HazardExposure>> result = new LinkedHashMap<>();
        for (Long id : householdIds) {
            result.put(id, complete(found.getOrDefault(id, Map.of()), evaluated));
        }
        return result;
    }

    /** The exposure in {@link #DETAIL_COLUMNS} from column {@code first} on, or null where the row has none. */
    public static HazardExposure read(ResultSet row, int first) throws SQLException {
        String type = row.getString(first);
        if (type == null) {
            return null;
        }
        return HazardExposure.of(HazardType.valueOf(type), row.getString(first + 1),
                (Integer) row.getObject(first + 2, Integer.class), row.getString(first + 3), row.getString(first + 4),
                (Double) row.getObject(first + 5, Double.class), (Long) row.getObject(first + 6, Long.class),
                row.getString(first + 7), (Long) row.getObject(first + 8, Long.class),
                (Integer) row.getObject(first + 9, Integer.class), row.getTimestamp(first + 10).toInstant(),
                (Integer) row.getObject(first + 11, Integer.class));
    }

    /** One entry per hazard type, in order, with データなし or 未評価 where nothing current was stored. */
    public static List<HazardExposure> complete(Map<HazardType, HazardExposure> found, Set<HazardType> evaluated) {
        List<HazardExposure> list = new ArrayList<>(HazardType.values().length);
        for (HazardType type : HazardType.values()) {
            HazardExposure exposure = found.get(type);
            list.add(exposure != null && evaluated.contains(type) ? exposure
                    : HazardExposure.notEvaluated(type, evaluated.contains(type)));
        }
        return list;
    }
}
