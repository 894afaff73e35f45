package jp.inochi.web;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.applications.ProgramApplications;
import jp.inochi.households.Household;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanReturns;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * The center's pages over HTTP: each household shown is an audited read under the page's path; a form posted without
 * its CSRF token, with invalid input or for a step the state does not allow changes nothing and says why.
 */
@MicronautTest(transactional = false)
class CenterPagesTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    TestLogins logins;

    @Inject
    TestLoans loans;

    @Inject
    TestHouseholds households;

    @Inject
    ProgramApplications programs;

    @Inject
    MovableClock clock;

    @Inject
    LoanReturns returns;

    @Test
    void aLoanPageAndTheWorkListAreAuditedReadsOfTheirHouseholds() throws Exception {
        clock.set(java.time.Instant.now());
        LocalDate today = JapanTime.today(clock);
        Loan loan = loans.loanStartedOn(today.minusMonths(7));
        clock.setDate(today);
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));
        AppUser user = logins.user(Role.CENTER_STAFF);

        HttpResponse<String> page = staff.get("/loans/" + loan.id(), "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("個別避難計画の作成申請"), "the deadlines are shown");
        assertTrue(page.body().contains("日超過"), "the plan application is overdue: " + page.body());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = '/loans/{id}' AND household_id = ? "
                + "AND actor_username = ? AND basis = 'CENTER' AND action = 'READ'", loan.householdId(), user.username()));

        HttpResponse<String> work = staff.get("/work-list?obligation=EVACUATION_PLAN_APPLICATION&withinDays=30",
                "Accept", "text/html");
        assertEquals(200, work.statusCode());
        assertTrue(work.body().contains("/loans/" + loan.id() + "\""), "the overdue loan is on the work list");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = '/work-list' AND household_id = ? "
                + "AND actor_username = ?", loan.householdId(), user.username()));
    }

    @Test
    void anEndedLoanLooksEndedOnItsPageAndInTheEndedList() throws Exception {
        clock.set(java.time.Instant.now());
        LocalDate today = JapanTime.today(clock);
        Loan loan = loans.loanStartedOn(today.minusMonths(8));
        clock.setDate(today);
        Loan open = returns.openReturn(loans.staff(), loan.id(),
                new LoanReturns.ReturnRequest(ReturnReason.FAMILY_REQUEST, null, null, loan.version()));
        returns.receiveDevice(loans.staff(), loan.id(), new LoanReturns.DeviceReceipt(null, DeviceCondition.WORN, null, open.version()));
        returns.completeReturn(loans.staff(), loan.id(), new LoanReturns.ReturnInspection(null,
                LoanReturns.DeviceAfterReturn.AVAILABLE, null, null));
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));

        String page = staff.get("/loans/" + loan.id(), "Accept", "text/html").body();
        assertTrue(page.contains("id=\"ended-notice\""), "the page says the loan has ended");
        assertFalse(page.contains("id=\"return-notice\""), "no yellow 返還手続中 banner on an ended loan");

        String ended = staff.get("/loans?state=ENDED", "Accept", "text/html").body();
        String row = ended.substring(ended.indexOf("/loans/" + loan.id() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(ended.contains("<th scope=\"col\">終了日</th>") && ended.contains("<th scope=\"col\">終了の理由</th>"));
        assertTrue(row.contains(ReturnReason.FAMILY_REQUEST.label()), row);
        assertFalse(row.contains("期限") || ended.contains("次の年次確認"), "no upcoming deadlines for ended loans: " + row);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothing() throws Exception {
        Household household = households.living("43203", true);
        ProgramApplication received = programs.receive(loans.staff(), new ProgramApplications.NewProgramApplication(
                household.id(), JapanTime.today(clock), null, null, null));
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));
        String page = staff.get("/program-applications/" + received.id(), "Accept", "text/html").body();

        HttpResponse<String> refused = staff.postForm("/program-applications/" + received.id() + "/start-review",
                form("version", "0"), "Accept", "text/html");
        assertEquals(403, refused.statusCode());
        assertEquals("RECEIVED", state(received.id()));

        HttpResponse<String> done = staff.postForm("/program-applications/" + received.id() + "/start-review",
                form("_csrf", token(page), "version", String.valueOf(received.version()), "note", "書類を確認"),
                "Accept", "text/html");
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/program-applications/" + received.id(), done.headers().firstValue("location").orElseThrow());
        assertEquals("UNDER_REVIEW", state(received.id()));
        HttpResponse<String> after = staff.get("/program-applications/" + received.id(), "Accept", "text/html");
        assertTrue(after.body().contains("審査を開始しました。"), "the done message is shown once");
        assertTrue(!staff.get("/program-applications/" + received.id(), "Accept", "text/html").body()
                .contains("審査を開始しました。"), "and not again");
    }

    @Test
    void aStepTheStateDoesNotAllowIsRefusedWith409AndItsReason() throws Exception {
        Household household = households.living("43203", true);
        ProgramApplication received = programs.receive(loans.staff(), new ProgramApplications.NewProgramApplication(
                household.id(), JapanTime.today(clock), null, null, null));
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));
        String page = staff.get("/program-applications/" + received.id(), "Accept", "text/html").body();
        HttpResponse<String> refused = staff.postForm("/program-applications/" + received.id() + "/approve",
                form("_csrf", token(page), "note", "早く承認したい", "confirmed", "yes"), "Accept", "text/html");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("保存できませんでした"), refused.body());
        assertTrue(refused.body().contains("現在の状態ではこの操作は行えません"), refused.body());
        assertTrue(refused.body().contains("早く承認したい"), "what was typed is still on screen");
        assertEquals("RECEIVED", state(received.id()));
    }

    @Test
    void anInvalidHouseholdIsShownAgainWithItsErrorsAndNothingIsWritten() throws Exception {
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));
        String page = staff.get("/households/new", "Accept", "text/html").body();
        long before = Sql.queryForLong("SELECT count(*) FROM household");
        HttpResponse<String> refused = staff.postForm("/households", form("_csrf", token(page),
                "childFamilyName", "試験", "childGivenName", "花子", "childFamilyNameKana", "しけん", "childGivenNameKana", "ハナコ",
                "childBirthDate", "2025-02-30", "address", "熊本県人吉市テスト町9-9", "prefectureCode", "43",
                "municipalityCode", "43203", "longitude", "１３０．７６", "latitude", "32.21"), "Accept", "text/html");
        assertEquals(400, refused.statusCode());
        String body = refused.body();
        assertTrue(body.contains("お子さんの姓（カタカナ）：カタカナで入力してください"), body);
        assertTrue(body.contains("生年月日：日付を「2026-05-10」の形式で入力してください"), body);
        assertTrue(body.contains("value=\"熊本県人吉市テスト町9-9\""), "the address typed is kept");
        assertTrue(body.contains("value=\"2025-02-30\""), "so is the impossible date, to correct it");
        assertEquals(before, Sql.queryForLong("SELECT count(*) FROM household"));
    }

    @Test
    void theCorrectionFormOfAHouseholdOpensWithWhatIsRecorded() throws Exception {
        Household household = households.living("43203", true); // no ward, no other care: fields left empty
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));
        HttpResponse<String> edit = staff.get("/households/" + household.id() + "/edit", "Accept", "text/html");
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("value=\"熊本県テスト市1-1\""), "the recorded address is filled in");
        assertTrue(edit.body().contains("value=\"2025-03-01\""), "and the birth date");
    }

    private static String state(long applicationId) throws Exception {
        try (var connection = Sql.connect(); var select = connection.prepareStatement(
                "SELECT state FROM program_application WHERE id = ?")) {
            select.setLong(1, applicationId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private Browser signedIn(AppUser user) {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> login = browser.get("/login", "Accept", "text/html");
        HttpResponse<String> signedIn = browser.postForm("/login", form("username", user.username(),
                "password", TestLogins.PASSWORD, "_csrf", token(login.body())));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        return browser;
    }

    private static String token(String html) {
        Matcher matcher = TOKEN.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}
