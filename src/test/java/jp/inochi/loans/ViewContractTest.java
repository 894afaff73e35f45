package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import org.junit.jupiter.api.Test;

/** The views other features query by name: their columns and types must not drift. */
@MicronautTest(transactional = false)
class ViewContractTest {

    @Inject
    TestLoans testLoans;

    private static Map<String, String> columns(String view) throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        try (var connection = Sql.connect(); var statement = connection.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_name = ? ORDER BY ordinal_position""")) {
            statement.setString(1, view);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return columns;
    }

    @Test
    void theEvacuationPlanStatusViewHasExactlyTheAgreedColumns() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("household_id", "bigint");
        expected.put("loan_id", "bigint");
        expected.put("loan_start", "date");
        expected.put("plan_deadline", "date");
        expected.put("plan_status", "text");
        expected.put("applied_on", "date");
        expected.put("accepted_on", "date");
        expected.put("completed_on", "date");
        assertEquals(expected, columns("household_evacuation_plan_status"));
    }

    @Test
    void theViewHasOneRowPerHouseholdWithALoanThatHasNotEnded() throws Exception {
        Loan loan = testLoans.loanStartedOn(LocalDate.of(2026, 5, 5));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM household_evacuation_plan_status WHERE household_id = ?",
                loan.householdId()));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM (SELECT household_id FROM household_evacuation_plan_status "
                + "GROUP BY household_id HAVING count(*) > 1) duplicates"));
    }

    @Test
    void theGeneratorFuelViewGivesWhatPowerAutonomyNeeds() throws Exception {
        assertEquals(Map.of("household_id", "bigint", "loan_id", "bigint", "device_id", "bigint",
                        "rated_output_watts", "integer", "tank_litres", "numeric", "runtime_hours_per_tank", "numeric",
                        "fuel_stored_litres", "numeric", "fuel_recorded_on", "date"),
                columns("household_generator_fuel"));
    }
}
