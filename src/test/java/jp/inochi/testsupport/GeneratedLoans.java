package jp.inochi.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Many running loans at once, written in SQL (a few statements over {@code generate_series}), for the tests and
 * benchmarks that need hundreds or thousands: households in 人吉市 with a guardian whose address is
 * {@code <tag>-<n>@example.jp}, an approved program and loan application, a device on loan and an ACTIVE loan whose
 * dates follow the Civil Code as {@code LoanHandovers} computes them (plan: +6 months, check: +12, end: +60).
 * Loan n starts on {@code firstStart + (n-1) * stepDays} modulo {@code spreadDays}.
 */
public final class GeneratedLoans {
    private GeneratedLoans() {
    }

    /** What was made: the loans' and households' id ranges (contiguous, one loan per household). */
    public record Batch(String tag, int count, long firstLoanId, long lastLoanId, long firstHouseholdId,
                        long lastHouseholdId) {

        public String email(int n) {
            return tag + "-" + n + "@example.jp";
        }
    }

    public static Batch create(Connection connection, String tag, int count, LocalDate firstStart, int stepDays,
                               int spreadDays, boolean emailConsent) throws SQLException {
        if (!tag.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("tag: lower case letters, digits and dashes");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS gen_loan (n int PRIMARY KEY, start_on date, household_id bigint, "
                    + "device_id bigint, program_id bigint, application_id bigint) ON COMMIT DROP");
            try (PreparedStatement plan = connection.prepareStatement("""
                    INSERT INTO gen_loan (n, start_on)
                    SELECT n, CAST(? AS date) + ((n - 1) * ?) % greatest(?, 1) FROM generate_series(1, ?) n""")) {
                plan.setObject(1, firstStart);
                plan.setInt(2, stepDays);
                plan.setInt(3, spreadDays);
                plan.setInt(4, count);
                plan.executeUpdate();
            }
            String consent = emailConsent ? "true" : "false";
            statement.execute("""
                    WITH made AS (
                        INSERT INTO household (child_family_name, child_given_name, child_family_name_kana,
                            child_given_name_kana, child_birth_date, nicu_institution, nicu_in_kumamoto, nicu_discharge_date,
                            ventilator_dependent, ventilator_hours_per_day, ventilator_off_minutes_per_day, postal_code,
                            address, prefecture_code, municipality_code, longitude, latitude, shares_with_municipality,
                            sharing_consent_date, email_contact_consent, ventilator_battery_hours, spare_battery_count,
                            spare_battery_hours_each, created_at, updated_at)
                        SELECT '生成', 'はると', 'セイセイ', 'ハルト', DATE '2025-03-01', '熊本大学病院', true, DATE '2025-06-01',
                               true, 24.0, 10, '868-0000', '熊本県人吉市生成町 %1$s ' || g.n, '43', '43203', 130.7627, 32.2104,
                               true, DATE '2025-07-01', %2$s, 6.0, 1, 4.0, now(), now()
                        FROM gen_loan g ORDER BY g.n
                        RETURNING id, address)
                    UPDATE gen_loan g SET household_id = made.id FROM made
                    WHERE made.address = '熊本県人吉市生成町 %1$s ' || g.n""".formatted(tag, consent));
            statement.execute("""
                    INSERT INTO guardian (household_id, position, name, relationship, email, phone)
                    SELECT household_id, 1, '生成 保護者', '母', '%1$s-' || n || '@example.jp', '090-0000-0000' FROM gen_loan
                    """.formatted(tag));
            statement.execute("""
                    WITH made AS (
                        INSERT INTO device (serial_number, manufacturer, model, rated_output_watts, sine_wave, fuel_type,
                            tank_litres, runtime_hours_per_tank, purchase_date, condition, state, created_at, updated_at)
                        SELECT 'GEN-%1$s-' || n, 'テスト発電機製作所', 'SW-1800i', 1800, true, 'GASOLINE', 3.6, 8.0,
                               DATE '2025-01-10', 'GOOD', 'ON_LOAN', now(), now()
                        FROM gen_loan ORDER BY n
                        RETURNING id, serial_number)
                    UPDATE gen_loan g SET device_id = made.id FROM made WHERE made.serial_number = 'GEN-%1$s-' || g.n
                    """.formatted(tag));
            statement.execute("""
                    WITH made AS (
                        INSERT INTO program_application (household_id, state, received_on, decided_on, created_at, updated_at)
                        SELECT household_id, 'APPROVED', start_on - 20, start_on - 15, now(), now() FROM gen_loan ORDER BY n
                        RETURNING id, household_id)
                    UPDATE gen_loan g SET program_id = made.id FROM made WHERE made.household_id = g.household_id""");
            statement.execute("""
                    WITH made AS (
                        INSERT INTO loan_application (program_application_id, household_id, state, received_on, decided_on,
                            device_id, device_assigned_on, created_at, updated_at)
                        SELECT program_id, household_id, 'HANDED_OVER', start_on - 14, start_on - 10, device_id, start_on - 5,
                               now(), now()
                        FROM gen_loan ORDER BY n
                        RETURNING id, household_id)
                    UPDATE gen_loan g SET application_id = made.id FROM made WHERE made.household_id = g.household_id""");
            statement.execute("""
                    INSERT INTO loan (loan_application_id, program_application_id, household_id, device_id, state, start_date,
                        max_end_date, plan_deadline, next_check_due, created_at, updated_at)
                    SELECT application_id, program_id, household_id, device_id, 'ACTIVE', start_on,
                           CAST(start_on + interval '60 months' AS date), CAST(start_on + interval '6 months' AS date),
                           CAST(start_on + interval '12 months' AS date), now(), now()
                    FROM gen_loan ORDER BY n""");
            Batch batch;
            try (ResultSet rows = statement.executeQuery("""
                    SELECT min(l.id), max(l.id), min(g.household_id), max(g.household_id)
                    FROM gen_loan g JOIN loan l ON l.household_id = g.household_id""")) {
                rows.next();
                batch = new Batch(tag, count, rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
            }
            connection.commit();
            return batch;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Removes the batch and everything written about it (reminders, emails, attempts, reports), so the shared test
     * database is as the other test classes expect it (some count the households of 人吉市).
     */
    public static void remove(Connection connection, Batch batch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (String sql : new String[] {
                    "DELETE FROM family_report WHERE household_id BETWEEN ? AND ?",
                    "DELETE FROM reminder WHERE household_id BETWEEN ? AND ?",
                    "DELETE FROM outbox_attempt WHERE message_id IN (SELECT id FROM outbox_message WHERE household_id BETWEEN ? AND ?)",
                    "UPDATE outbox_message SET failure_reported_in = NULL WHERE failure_reported_in IN "
                            + "(SELECT id FROM outbox_message WHERE household_id BETWEEN ? AND ?)",
                    "DELETE FROM outbox_message WHERE household_id BETWEEN ? AND ?",
                    "DELETE FROM loan WHERE household_id BETWEEN ? AND ?",
                    "DELETE FROM loan_application WHERE household_id BETWEEN ? AND ?",
                    "DELETE FROM program_application WHERE household_id BETWEEN ? AND ?",
                    "DELETE FROM household WHERE id BETWEEN ? AND ? AND address LIKE '熊本県人吉市生成町 %'"}) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, batch.firstHouseholdId());
                    statement.setLong(2, batch.lastHouseholdId());
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement devices = connection.prepareStatement("DELETE FROM device WHERE serial_number LIKE ?")) {
                devices.setString(1, "GEN-" + batch.tag() + "-%");
                devices.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
