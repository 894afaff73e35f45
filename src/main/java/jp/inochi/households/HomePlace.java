package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Where a home lies by the boundary layers ({@code household_place}, kept by the boundaries feature): the municipality
 * resolved from the point, beside the one the family stated. Read only for a household the page has already read
 * through {@code HouseholdDirectory} (scoped and audited).
 */
@Singleton
final class HomePlace {
    private final TransactionOperations<Connection> transactions;

    HomePlace(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    record Place(@Nullable String municipalityCode, @Nullable String wardCode, boolean mismatch,
                 @Nullable String mismatchReason) {
    }

    /** Whether any boundary layer is current: without one, no home can be placed. */
    boolean boundariesLoaded() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM geo_layer WHERE kind = 'BOUNDARY' AND current_version_id IS NOT NULL)");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    Optional<Place> of(long householdId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT located_municipality_code, located_ward_code, mismatch, mismatch_reason
                    FROM household_place WHERE household_id = ?""")) {
                select.setLong(1, householdId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Place(row.getString(1), row.getString(2), row.getBoolean(3),
                            row.getString(4))) : Optional.<Place>empty();
                }
            }
        });
    }
}
