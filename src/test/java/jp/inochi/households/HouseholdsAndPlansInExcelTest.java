package jp.inochi.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.ExportedWorkbooks;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * The households list and the plans list as .xlsx for an officer of 山都町 (no other test places homes there): the
 * JSON list's households, only their municipality's, typed dates, each household audited as an export.
 */
@MicronautTest(transactional = false)
class HouseholdsAndPlansInExcelTest {
    static final String YAMATO = "43447";

    @Inject
    TestHouseholds households;
    @Inject
    TestLoans loans;
    @Inject
    TestLogins logins;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void anOfficersHouseholdsAndPlansInExcelAreTheirJsonListsOnlyAndAuditedAsExports() {
        Instant now = clock.instant();
        Household withLoan = households.living(YAMATO, true, 130.99, 32.69);
        Household without = households.living(YAMATO, true, 130.98, 32.68);
        Household notConsenting = households.living(YAMATO, false, 130.97, 32.67);
        Household elsewhere = households.living("43100", true);
        LocalDate start = JapanTime.today(clock).minusMonths(2);
        loans.loanStartedOn(withLoan, start);
        clock.set(now);
        String officer = logins.user(Role.MUNICIPAL_OFFICER, YAMATO, null).username();

        List<Long> json = http.toBlocking().retrieve(logins.asOfficerOf(YAMATO, HttpRequest.GET("/api/households?size=500")),
                Argument.listOf(Argument.mapOf(String.class, Object.class))).stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
        long before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        ExportedWorkbooks list = ExportedWorkbooks.checked(http.toBlocking().exchange(logins.asOfficerOf(YAMATO,
                HttpRequest.GET("/api/households?format=xlsx")), byte[].class), json.size(), officer);
        assertEquals(json, list.ids(), "the JSON list's households, in its order");
        assertTrue(list.ids().containsAll(List.of(withLoan.id(), without.id())));
        assertFalse(list.ids().contains(notConsenting.id()), "no consent, no declaration");
        assertFalse(list.ids().contains(elsewhere.id()), "another municipality's household");
        list.assertDate(list.rowOf(withLoan.id()), "計画の申請期限", start.plusMonths(6));
        assertEquals("貸与なし", list.cell(list.rowOf(without.id()), "個別避難計画").getStringCellValue());
        assertEquals(json.stream().sorted().map(id -> id + " EXPORT CONSENT").toList(), entries(before, "/api/households?format=xlsx"));

        List<Long> plansJson = http.toBlocking().retrieve(logins.asOfficerOf(YAMATO, HttpRequest.GET("/api/evacuation-plans")),
                Argument.listOf(Argument.mapOf(String.class, Object.class))).stream()
                .map(row -> ((Number) row.get("householdId")).longValue()).toList();
        before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        ExportedWorkbooks plans = ExportedWorkbooks.checked(http.toBlocking().exchange(logins.asOfficerOf(YAMATO,
                HttpRequest.GET("/api/evacuation-plans").accept(ExportedWorkbooks.XLSX)), byte[].class), plansJson.size(), officer);
        assertEquals(plansJson, plans.ids());
        assertTrue(plans.ids().contains(withLoan.id()));
        plans.assertDate(plans.rowOf(withLoan.id()), "貸与開始", start);
        plans.assertDate(plans.rowOf(withLoan.id()), "作成申請の期限", start.plusMonths(6));
        assertEquals("未申請", plans.cell(plans.rowOf(withLoan.id()), "状況").getStringCellValue());
        assertEquals(plansJson.stream().sorted().map(id -> id + " EXPORT CONSENT").toList(),
                entries(before, "/api/evacuation-plans?format=xlsx"));
    }

    private static List<String> entries(long after, String resource) {
        return Sql.queryForStrings("SELECT household_id || ' ' || action || ' ' || basis FROM audit_log WHERE id > ? "
                + "AND resource = ? ORDER BY household_id", after, resource);
    }
}
