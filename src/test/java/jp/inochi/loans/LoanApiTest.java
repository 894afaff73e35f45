package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** The REST side: explicit actions, 409 problems naming state and allowed actions, 400 per field, roles. */
@MicronautTest(transactional = false)
class LoanApiTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestLogins logins;

    @Inject
    TestLoans testLoans;

    @Inject
    TestHouseholds households;

    @Inject
    MovableClock clock;

    private Map<?, ?> post(Role role, String path, Object body) {
        return http.toBlocking().retrieve(logins.as(role, HttpRequest.POST(path, body)), Map.class);
    }

    @Test
    void theWholePathWorksOverHttpFromProgramApplicationToReturnedDevice() throws Exception {
        clock.setDate(DAY);
        Household household = households.living(TestLoans.HITOYOSHI, true);
        long deviceId = testLoans.device().id();
        Map<?, ?> program = post(Role.CENTER_STAFF, "/api/program-applications",
                Map.of("householdId", household.id(), "receivedOn", DAY.toString()));
        long programId = ((Number) program.get("id")).longValue();
        assertEquals(List.of("start-review", "record-subsidy-exception", "withdraw"), program.get("allowedActions"));
        assertEquals(true, ((Map<?, ?>) program.get("eligibility")).get("eligible"));
        post(Role.CENTER_STAFF, "/api/program-applications/" + programId + "/start-review", Map.of());
        assertEquals("APPROVED", post(Role.CENTER_STAFF, "/api/program-applications/" + programId + "/approve", Map.of()).get("state"));

        Map<?, ?> loanApplication = post(Role.CENTER_STAFF, "/api/loan-applications",
                Map.of("programApplicationId", programId, "receivedOn", DAY.toString()));
        String la = "/api/loan-applications/" + loanApplication.get("id");
        post(Role.CENTER_STAFF, la + "/start-review", Map.of());
        post(Role.CENTER_STAFF, la + "/approve", Map.of());
        post(Role.CENTER_STAFF, la + "/assign-device", Map.of("deviceId", deviceId));
        Map<?, ?> loan = post(Role.CENTER_STAFF, la + "/hand-over", Map.of("startDate", DAY.toString(), "terms",
                Map.of("runningCostsAccepted", true, "repairLiabilityAccepted", true, "acceptedByName", "熊本 美咲")));
        assertEquals("ACTIVE", loan.get("state"));
        assertEquals("2026-12-01", loan.get("planDeadline"));
        assertEquals("2031-06-01", loan.get("maxEndDate"));
        assertEquals("NOT_APPLIED", loan.get("planStatus"));
        String l = "/api/loans/" + loan.get("id");

        clock.setDate(DAY.plusMonths(2));
        assertEquals("APPLIED", post(Role.CENTER_STAFF, l + "/plan-steps",
                Map.of("step", "APPLIED_TO_MUNICIPALITY", "on", DAY.plusMonths(1).toString())).get("planStatus"));
        assertEquals("RETURN_OPEN", post(Role.CENTER_STAFF, l + "/return",
                Map.of("reason", "FAMILY_REQUEST", "note", "ご家族の申し出")).get("state"));
        assertEquals("DEVICE_RECEIVED", post(Role.CENTER_STAFF, l + "/receive-device", Map.of("condition", "GOOD")).get("state"));
        Map<?, ?> ended = post(Role.CENTER_STAFF, l + "/complete-return", Map.of("deviceGoesTo", "AVAILABLE"));
        assertEquals("ENDED", ended.get("state"));
        assertEquals(List.of(), ended.get("allowedActions"));
        var afterEnd = Problems.refused(() -> post(Role.CENTER_STAFF, l + "/return", Map.of("reason", "OTHER")));
        assertEquals("ENDED", Problems.body(afterEnd).get("currentState"));
        assertEquals(List.of(), Problems.body(afterEnd).get("allowedActions"), "an empty list is still named");
        Map<?, ?> device = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/devices/" + deviceId)), Map.class);
        assertEquals("AVAILABLE", device.get("state"));

        List<Map> timeline = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(l + "/timeline")),
                Argument.listOf(Map.class));
        assertEquals("receive", timeline.get(0).get("action"));
        assertEquals("PROGRAM_APPLICATION", timeline.get(0).get("subjectType"));
        assertEquals("complete-return", timeline.get(timeline.size() - 1).get("action"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'READ' "
                + "AND resource = '/api/loans/{id}/timeline' AND basis = 'CENTER'", household.id()));
    }

    @Test
    void anIllegalTransitionIs409ProblemJsonNamingTheCurrentStateAndTheAllowedActions() {
        Loan loan = testLoans.loanStartedOn(DAY);
        var refused = Problems.refused(() -> post(Role.CENTER_STAFF, "/api/loans/" + loan.id() + "/complete-return",
                Map.of("deviceGoesTo", "AVAILABLE")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = Problems.body(refused);
        assertEquals("urn:inochi:problem:illegal-transition", problem.get("type"));
        assertEquals("ACTIVE", problem.get("currentState"));
        assertEquals(List.of("open-return", "record-plan-step", "record-inspection", "record-incident", "resend-terms",
                        "swap-device"),
                problem.get("allowedActions"));
        assertEquals("「貸与中」の貸与に「返還装置の点検・貸与終了」は行えません。行える操作: 「返還手続の開始」、「個別避難計画の進捗の記録」、"
                + "「年次確認の記録」、「紛失・破損の記録」、「貸与条件の再送」、「装置の交換」", problem.get("detail"));
    }

    @Test
    void theApiRefusesTermEndedBeforeTheTermsLastDayWith409() throws Exception {
        Loan loan = testLoans.loanStartedOn(DAY);
        clock.setDate(loan.maxEndDate().minusDays(1));
        var refused = Problems.refused(() -> post(Role.CENTER_STAFF, "/api/loans/" + loan.id() + "/return",
                Map.of("reason", "TERM_ENDED")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(Problems.body(refused).get("detail").toString().contains("満了日"), Problems.body(refused).toString());
        assertEquals("ACTIVE", Sql.queryForText("SELECT state FROM loan WHERE id = ?", loan.id()));

        clock.setDate(loan.maxEndDate());
        assertEquals("RETURN_OPEN", post(Role.CENTER_STAFF, "/api/loans/" + loan.id() + "/return",
                Map.of("reason", "TERM_ENDED")).get("state"));
    }

    @Test
    void aLoanApplicationForAProgramApplicationStillUnderReviewIs409() {
        clock.setDate(DAY);
        Household household = households.living(TestLoans.HITOYOSHI, true);
        Map<?, ?> program = post(Role.CENTER_STAFF, "/api/program-applications",
                Map.of("householdId", household.id(), "receivedOn", DAY.toString()));
        var refused = Problems.refused(() -> post(Role.CENTER_STAFF, "/api/loan-applications",
                Map.of("programApplicationId", program.get("id"), "receivedOn", DAY.toString())));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertEquals("RECEIVED", Problems.body(refused).get("currentState"));
    }

    @Test
    void aHandoverWithMissingFieldsOrAStartBeforeTheApprovalIs400PerField() {
        var assigned = testLoans.deviceAssigned(households.living(TestLoans.HITOYOSHI, true), testLoans.device(), DAY);
        String path = "/api/loan-applications/" + assigned.id() + "/hand-over";
        var missing = Problems.refused(() -> post(Role.CENTER_STAFF, path, Map.of("terms",
                Map.of("runningCostsAccepted", false, "repairLiabilityAccepted", true, "acceptedByName", "熊本 美咲"))));
        assertEquals(HttpStatus.BAD_REQUEST, missing.getStatus());
        Map<String, String> errors = Problems.fieldErrors(missing);
        assertEquals("入力してください", errors.get("startDate"));
        assertEquals("保守管理費用（電気料金・燃料費等）のご負担への同意が必要です", errors.get("terms.runningCostsAccepted"));

        var early = Problems.refused(() -> post(Role.CENTER_STAFF, path, Map.of("startDate", DAY.minusDays(1).toString(),
                "terms", Map.of("runningCostsAccepted", true, "repairLiabilityAccepted", true, "acceptedByName", "熊本 美咲"))));
        assertEquals(HttpStatus.BAD_REQUEST, early.getStatus());
        assertTrue(Problems.fieldErrors(early).get("startDate").contains("貸与決定日"), Problems.fieldErrors(early).toString());
    }

    @Test
    void anUnknownHouseholdOrAFutureReceiptIs400OnTheField() {
        clock.setDate(DAY);
        var unknown = Problems.refused(() -> post(Role.CENTER_STAFF, "/api/program-applications",
                Map.of("householdId", 987654321, "receivedOn", DAY.plusDays(1).toString())));
        Map<String, String> errors = Problems.fieldErrors(unknown);
        assertTrue(errors.get("householdId").contains("見つかりません"));
        assertTrue(errors.get("receivedOn").startsWith("未来の日付"));
    }

    @Test
    void municipalOfficersAndAuditorsCannotUseTheCentersEndpoints() {
        for (String path : List.of("/api/loans", "/api/loan-applications", "/api/program-applications", "/api/devices",
                "/api/inspections", "/api/municipal-subsidy-lists")) {
            var officer = Problems.refused(() -> http.toBlocking().retrieve(logins.asOfficerOf("43203", HttpRequest.GET(path)), String.class));
            assertEquals(HttpStatus.FORBIDDEN, officer.getStatus(), path);
            var auditor = Problems.refused(() -> http.toBlocking().retrieve(logins.as(Role.AUDITOR, HttpRequest.GET(path)), String.class));
            assertEquals(HttpStatus.FORBIDDEN, auditor.getStatus(), path);
        }
    }

    @Test
    void officersSeeThePlanStatusOfTheirConsentingHouseholdsOnlyEachReadAudited() throws Exception {
        Household sharing = households.living(TestLoans.HITOYOSHI, true);
        Household notSharing = households.living(TestLoans.HITOYOSHI, false);
        Household elsewhere = households.living("43206", true);
        testLoans.loanStartedOn(sharing, DAY);
        testLoans.loanStartedOn(notSharing, DAY);
        testLoans.loanStartedOn(elsewhere, DAY);
        clock.setDate(DAY.plusMonths(7));
        List<Map> plans = http.toBlocking().retrieve(logins.asOfficerOf("43203", HttpRequest.GET("/api/evacuation-plans")),
                Argument.listOf(Map.class));
        List<Long> ids = plans.stream().map(p -> ((Number) p.get("householdId")).longValue()).toList();
        assertTrue(ids.contains(sharing.id()));
        assertFalse(ids.contains(notSharing.id()));
        assertFalse(ids.contains(elsewhere.id()));
        Map<?, ?> mine = plans.stream().filter(p -> ((Number) p.get("householdId")).longValue() == sharing.id()).findFirst().orElseThrow();
        assertEquals("NOT_APPLIED", mine.get("planStatus"));
        assertEquals(true, mine.get("applicationOverdue"));
        assertFalse(mine.containsKey("nicuInstitution"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = '/api/evacuation-plans' "
                + "AND basis = 'CONSENT'", sharing.id()));
        var outOfScope = Problems.refused(() -> http.toBlocking().retrieve(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/evacuation-plans/" + elsewhere.id())), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, outOfScope.getStatus());
    }

    @Test
    void theOpenApiDescribesEveryResourceWithJapaneseSummaries() {
        String yaml = http.toBlocking().retrieve(HttpRequest.GET("/openapi/inochi-api-0.1.yml"), String.class);
        for (String path : List.of("/api/households:", "/api/program-applications:", "/api/loan-applications:",
                "/api/loans:", "/api/devices:", "/api/inspections:", "/api/loans/{id}/return:",
                "/api/loan-applications/{id}/hand-over:", "/api/inspections/{id}/photos:", "/api/loans/due:",
                "/api/evacuation-plans:")) {
            assertTrue(yaml.contains(path), path + " is missing from the OpenAPI");
        }
        assertTrue(yaml.contains("summary: 装置を引き渡し、貸与を開始する（貸与条件への同意を記録）"));
    }
}
