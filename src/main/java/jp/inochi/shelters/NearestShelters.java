package jp.inochi.shelters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.inochi.hazards.model.HazardType;

/**
 * The shelters nearest to a point by straight-line distance (SQL function {@code nearest_shelters}), each with the
 * hazard zones it lies in itself. Optionally only 福祉避難所 candidates, and only those outside zones of a hazard type
 * at or above a severity (what the disaster-day feature needs).
 */
@Singleton
public class NearestShelters {
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    NearestShelters(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    @Serdeable
    public record ShelterHazard(HazardType hazardType, String hazardLabel, int severity, String label) {
    }

    @Serdeable
    public record NearbyShelter(long id, String name, String category, String categoryLabel, boolean welfareCandidate,
                                @Nullable String address, @Nullable String municipalityCode, List<String> suitableFor,
                                long distanceM, boolean inHazardZone, List<ShelterHazard> hazards) {
    }

    /** What to look for. {@code avoid} with {@code avoidMinSeverity} leaves out shelters in such zones. */
    @Serdeable
    public record Search(int limit, boolean welfareOnly, @Nullable HazardType avoid, @Nullable Integer avoidMinSeverity) {
    }

    public List<NearbyShelter> near(double longitude, double latitude, Search search) {
        return transactions.executeRead(status -> near(status.getConnection(),
                "ST_SetSRID(ST_MakePoint(?, ?), 6668)", List.of(longitude, latitude), search));
    }

    /** From a household's home; the caller has checked the household is in the viewer's scope. */
    public List<NearbyShelter> nearHousehold(long householdId, Search search) {
        return transactions.executeRead(status -> near(status.getConnection(),
                "(SELECT location FROM household WHERE id = ?)", List.of(householdId), search));
    }

    private List<NearbyShelter> near(Connection connection, String point, List<Object> pointParameters, Search search)
            throws SQLException, IOException {
        List<NearbyShelter> shelters = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM nearest_shelters(" + point + ", ?, ?, ?, ?)")) {
            int i = 1;
            for (Object parameter : pointParameters) {
                select.setObject(i++, parameter);
            }
            select.setInt(i++, search.limit());
            select.setBoolean(i++, search.welfareOnly());
            select.setString(i++, search.avoid() == null ? null : search.avoid().name());
            select.setObject(i, search.avoidMinSeverity(), java.sql.Types.INTEGER);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    List<ShelterHazard> hazards = new ArrayList<>();
                    for (JsonNode hazard : json.readValue(row.getString("hazards"), JsonNode.class).values()) {
                        HazardType type = HazardType.valueOf(hazard.get("hazardType").getStringValue());
                        hazards.add(new ShelterHazard(type, type.label(), hazard.get("severity").getIntValue(),
                                hazard.get("label").getStringValue()));
                    }
                    Array suitable = row.getArray("suitable_for");
                    String category = row.getString("category");
                    shelters.add(new NearbyShelter(row.getLong("shelter_id"), row.getString("name"), category,
                            category.equals("EMERGENCY_SITE") ? "指定緊急避難場所" : "指定避難所",
                            row.getBoolean("welfare_candidate"), row.getString("address"), row.getString("municipality_code"),
                            suitable == null ? List.of() : Arrays.asList((String[]) suitable.getArray()),
                            Math.round(row.getDouble("distance_m")), !hazards.isEmpty(), hazards));
                }
            }
        }
        return shelters;
    }
}
