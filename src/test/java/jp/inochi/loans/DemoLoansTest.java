package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/** The run command's demo data gives the dashboard something to show: every state, due and overdue dates. */
class DemoLoansTest {

    private static String state(String table, String guardianEmail) throws Exception {
        try (var connection = Sql.connect(); var statement = connection.prepareStatement("SELECT t.state FROM " + table
                + " t JOIN guardian g ON g.household_id = t.household_id WHERE g.email = ? ORDER BY t.id DESC LIMIT 1")) {
            statement.setString(1, guardianEmail);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static long loanDays(String column, String guardianEmail) throws Exception {
        return Sql.queryForLong("SELECT l." + column + " - CURRENT_DATE FROM loan l JOIN guardian g ON g.household_id = l.household_id "
                + "WHERE g.email = ? ORDER BY l.id DESC LIMIT 1", guardianEmail);
    }

    @Test
    void theDemoHasLoansDueSoonAndOverdueAnOpenReturnAnEndedLoanApplicationsInEveryStateAPhotoAndAPastDrill() throws Exception {
        TestDatabase.get();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("inochi.demo.dir", "gis/demo", "micronaut.server.port", -1), "test")) {
            assertTrue(server.isRunning());
        }
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM demo_data_load WHERE name = 'loans' "
                + "AND summary = '14 devices, 10 loans, 13 applications in progress'"));
        long planDueIn = loanDays("plan_deadline", "family01@demo.invalid");
        assertTrue(planDueIn >= 0 && planDueIn <= 31, "plan deadline soon: " + planDueIn);
        assertTrue(loanDays("plan_deadline", "family02@demo.invalid") < 0, "plan deadline overdue");
        assertTrue(loanDays("next_check_due", "family03@demo.invalid") < 0, "yearly check overdue");
        assertEquals("RETURN_OPEN", state("loan", "family08@demo.invalid"));
        assertEquals("DEVICE_ASSIGNED", state("loan_application", "family13@demo.invalid"));
        assertEquals("UNDER_REVIEW", state("loan_application", "family19@demo.invalid"));
        assertEquals("UNDER_REVIEW", state("program_application", "family04@demo.invalid"));
        assertEquals("INFORMATION_REQUESTED", state("program_application", "family18@demo.invalid"));
        assertEquals("RECEIVED", state("program_application", "family14@demo.invalid"));
        assertEquals("REJECTED", state("program_application", "family06@demo.invalid"));
        assertEquals("WITHDRAWN", state("program_application", "family11@demo.invalid"));
        assertEquals("ENDED", state("loan", "family12@demo.invalid"));
        assertEquals("RECEIVED", state("loan_application", "family15@demo.invalid"));
        assertEquals("INFORMATION_REQUESTED", state("loan_application", "family16@demo.invalid"));
        assertEquals("APPROVED", state("loan_application", "family20@demo.invalid"));
        assertEquals("REJECTED", state("loan_application", "family22@demo.invalid"));
        assertEquals("WITHDRAWN", state("loan_application", "family26@demo.invalid"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM device WHERE serial_number LIKE 'DEMO-GEN-%' AND state = 'IN_REPAIR'"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM device_repair r JOIN loan l ON l.id = r.loan_id "
                + "JOIN guardian g ON g.household_id = l.household_id WHERE g.email = 'family21@demo.invalid' "
                + "AND r.finished_on IS NOT NULL AND r.cost_yen = 8000 AND NOT r.family_liable"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM inspection i JOIN guardian g ON g.household_id = i.household_id "
                + "WHERE g.email = 'family09@demo.invalid' AND i.fuel_stored_litres = 10.0"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM inspection_photo p JOIN inspection i ON i.id = p.inspection_id "
                + "JOIN guardian g ON g.household_id = i.household_id WHERE g.email = 'family09@demo.invalid'"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM disaster_event e WHERE e.name = '停電訓練（デモ）' AND e.state = 'CLOSED' "
                + "AND EXISTS (SELECT 1 FROM safety_contact c WHERE c.event_id = e.id AND c.reply IS NOT NULL)"));
    }
}
