package jp.inochi.evacuationplans;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.evacuationplans.model.ShelterZones;

/** Answers the plan rules' question from the current hazard layers ({@code hazard_at}, as the shelter search does). */
@Singleton
class ShelterZoneCheck implements ShelterZones {
    private final TransactionOperations<Connection> transactions;

    ShelterZoneCheck(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean inZone(long shelterId, PlanHazard hazard) {
        if (hazard.zoneType() == null) {
            return false;
        }
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM shelter s, hazard_at(s.geom) hz
                                   WHERE s.id = ? AND hz.hazard_type = ?)""")) {
                select.setLong(1, shelterId);
                select.setString(2, hazard.zoneType().name());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    boolean exists(long shelterId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("SELECT 1 FROM shelter WHERE id = ?")) {
                select.setLong(1, shelterId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }
}
