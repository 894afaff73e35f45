package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.households.Household;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The officer's plan-status bulk update (issue 18): a row from another municipality is refused — in the same words
 * as a number that does not exist, and audited — and the rest is applied; a row the plan's own rules refuse
 * (受理日 before 申請日) is rolled back alone; the dry run writes nothing.
 */
@MicronautTest(transactional = false)
class PlanStatusImportTest {
    /** 南小国町 and 菊陽町: municipalities no other test uses, so the officer's plan list is ours alone. */
    private static final String MINAMIOGUNI = "43423";
    private static final String KIKUYO = "43404";
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    @Inject
    PlanStatusImport imports;
    @Inject
    PlanStatusTemplate template;
    @Inject
    TestLogins logins;
    @Inject
    TestLoans testLoans;
    @Inject
    TestHouseholds households;
    @Inject
    LoanRepository loans;
    @Inject
    EvacuationPlanSteps steps;
    @Inject
    MovableClock clock;

    private LocalDate today;

    @BeforeEach
    void now() {
        clock.set(Instant.now());
        today = JapanTime.today(clock);
    }

    @Test
    void anOfficersUpdateWithARowFromAnotherMunicipalityRefusesThatRowAndAppliesTheRest() throws Exception {
        LocalDate start = today.minusMonths(2);
        Loan ours = loanIn(MINAMIOGUNI, start);
        Loan wrongOrder = loanIn(MINAMIOGUNI, start);
        Loan untouched = loanIn(MINAMIOGUNI, start);
        Loan elsewhere = loanIn(KIKUYO, start);
        clock.setDate(today);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, MINAMIOGUNI, null);
        LocalDate applied = start.plusDays(10);
        LocalDate accepted = start.plusDays(20);
        Path file = csv("世帯番号,児童氏名,申請日,受理日,作成完了日",
                ours.householdId() + ",熊本 ひかり," + JapaneseDates.wareki(applied) + "," + JapaneseDates.warekiShort(accepted) + ",",
                elsewhere.householdId() + ",,"  + SLASHED.format(applied) + ",,",
                "999999999,,"  + SLASHED.format(applied) + ",,",
                wrongOrder.householdId() + ",," + SLASHED.format(applied) + "," + SLASHED.format(start.plusDays(5)) + ",",
                untouched.householdId() + ",,,,");
        long refusalsBefore = refusals(officer);

        DryRun dryRun = imports.dryRun(officer, file, "計画状況.csv");

        List<RowOutcome> rows = dryRun.rows();
        assertEquals(List.of(RowOutcome.Outcome.UPDATED, RowOutcome.Outcome.REFUSED, RowOutcome.Outcome.REFUSED,
                RowOutcome.Outcome.REFUSED, RowOutcome.Outcome.UNCHANGED), rows.stream().map(RowOutcome::outcome).toList());
        assertEquals("3行目 世帯番号: " + PlanStatusImport.OUT_OF_SCOPE, rows.get(1).reasons());
        assertEquals("4行目 世帯番号: " + PlanStatusImport.OUT_OF_SCOPE, rows.get(2).reasons(),
                "a number that does not exist reads exactly like another municipality's household");
        assertFalse(rows.get(1).subject().contains("ひかり"), "nothing of the other municipality's household is shown");
        assertTrue(rows.get(3).reasons().startsWith("5行目 受理日: 作成申請日"), rows.get(3).reasons());
        assertTrue(rows.get(3).reasons().contains("より前の日付は入力できません"), "EvacuationPlanSteps' own rule: " + rows.get(3).reasons());
        assertEquals(refusalsBefore + 2, refusals(officer), "both scope refusals are audited");
        assertNothingWritten(ours, wrongOrder, elsewhere);

        PlanStatusImport.Confirmation done = imports.confirm(officer, dryRun.id(), dryRun.digest());

        assertTrue(done.written());
        assertEquals(dryRun.digest(), done.dryRun().digest(), "the outcome applied is the one the officer saw");
        Loan updated = loans.findById(ours.id()).orElseThrow();
        assertEquals(applied, updated.planAppliedOn());
        assertEquals(accepted, updated.planAcceptedOn());
        assertNull(updated.planCompletedOn());
        assertNull(loans.findById(wrongOrder.id()).orElseThrow().planAppliedOn(), "the refused row's 申請日 rolled back with it");
        assertNull(loans.findById(elsewhere.id()).orElseThrow().planAppliedOn(), "another municipality's plan is untouched");
        assertEquals(2, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE loan_id = ? AND action IN "
                + "('applied-to-municipality', 'accepted-by-municipality')", ours.id()), "on the timeline, step by step");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'IMPORT' AND subject_id = ? "
                + "AND row_count = 1 AND actor_username = ?", dryRun.id().toString(), officer.username()));
    }

    @Test
    void aDryRunWritesNothingAndAConfirmationOfAnOutcomeThatChangedWritesNothingEither() throws Exception {
        LocalDate start = today.minusMonths(3);
        Loan loan = loanIn(MINAMIOGUNI, start);
        clock.setDate(today);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, MINAMIOGUNI, null);
        Path file = csv("世帯番号,申請日,受理日,作成完了日", loan.householdId() + "," + SLASHED.format(start.plusDays(3))
                + "," + SLASHED.format(start.plusDays(4)) + "," + SLASHED.format(start.plusDays(5)));
        long events = Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE loan_id = ?", loan.id());
        long transitions = transitions(loan);

        DryRun dryRun = imports.dryRun(officer, file, "plan.csv");

        assertEquals(1, dryRun.updatedCount(), dryRun.rows().toString());
        assertNothingWritten(loan);
        assertEquals(events, Sql.queryForLong("SELECT count(*) FROM lifecycle_event WHERE loan_id = ?", loan.id()));
        assertEquals(transitions, transitions(loan));

        DryRun seenBefore = imports.dryRun(officer, file, "plan.csv");
        Sql.update("UPDATE loan SET plan_applied_on = ? WHERE id = ?", start.plusDays(1), loan.id());
        PlanStatusImport.Confirmation stale = imports.confirm(officer, seenBefore.id(), seenBefore.digest());
        assertFalse(stale.written(), "the plan changed since the dry run: nothing is applied");
        assertEquals(RowOutcome.Outcome.REFUSED, stale.dryRun().rows().get(0).outcome());
        assertEquals(start.plusDays(1), loans.findById(loan.id()).orElseThrow().planAppliedOn());
        assertNull(loans.findById(loan.id()).orElseThrow().planAcceptedOn());
    }

    @Test
    void theTemplateHoldsTheOfficersOwnPlansAndComesBackUnchanged() throws Exception {
        LocalDate start = today.minusMonths(4);
        Loan loan = loanIn(MINAMIOGUNI, start);
        Loan elsewhere = loanIn(KIKUYO, start);
        clock.setDate(start.plusDays(7));
        steps.recordPlanStep(testLoans.staff(), loan.id(), new EvacuationPlanSteps.PlanStepRecord(
                jp.inochi.loans.model.PlanStep.APPLIED_TO_MUNICIPALITY, start.plusDays(7), null, null));
        clock.setDate(today);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, MINAMIOGUNI, null);

        Path sheet = Files.createTempFile("plan-template-", ".xlsx");
        Files.write(sheet, template.write(officer, "/evacuation-plans/import/template"));
        DryRun dryRun = imports.dryRun(officer, sheet, "template.xlsx");

        assertTrue(dryRun.rows().stream().anyMatch(r -> r.subject().startsWith("世帯番号 " + loan.householdId() + " ")));
        assertFalse(dryRun.rows().stream().anyMatch(r -> r.subject().startsWith("世帯番号 " + elsewhere.householdId())));
        assertEquals(dryRun.rows().size(), dryRun.unchangedCount(), "its 和暦 date cells read back as the same dates: "
                + dryRun.refusals());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND household_id = ? "
                + "AND resource = '/evacuation-plans/import/template' AND actor_username = ?", loan.householdId(), officer.username()));
    }

    private Loan loanIn(String municipality, LocalDate start) {
        Household household = households.living(municipality, true, 131.0, 32.9);
        return testLoans.loanStartedOn(household, start);
    }

    private void assertNothingWritten(Loan... written) {
        for (Loan loan : written) {
            Loan now = loans.findById(loan.id()).orElseThrow();
            assertNull(now.planAppliedOn(), "the dry run wrote nothing to loan " + loan.id());
            assertEquals(loan.version(), now.version());
        }
    }

    private static long transitions(Loan loan) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'TRANSITION' AND subject_id = ?",
                String.valueOf(loan.id()));
    }

    private static long refusals(Viewer officer) throws Exception {
        return Sql.queryForLong("SELECT coalesce(sum(row_count), 0) FROM audit_log WHERE action = 'REFUSED' "
                + "AND actor_username = ? AND resource = 'POST /evacuation-plans/import'", officer.username());
    }

    private static Path csv(String... lines) throws Exception {
        Path file = Files.createTempFile("plan-status-", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
