package jp.inochi.loans;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.devices.Device;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import jp.inochi.platform.time.JapanTime;
import org.junit.jupiter.api.Test;

/**
 * 「検索」 on the loans list, the work list, the applications queue and the device inventory: the family by hiragana
 * (recorded in katakana) or the guardian's phone, a loan or application by its number, a device by its serial
 * typed full-width; the family shown is audited under the list's path, and only the rows on the page.
 */
@MicronautTest(transactional = false)
class StaffSearchLoansApplicationsDevicesAndWorkListTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    TestLoans loans;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    @Test
    void theFamilyOfALoanIsFoundOnEveryListByHiraganaPhoneAndNumber() throws Exception {
        clock.set(java.time.Instant.now());
        LocalDate today = JapanTime.today(clock);
        Loan loan = loans.loanStartedOn(today.minusMonths(7));
        clock.setDate(today);
        Sql.update("UPDATE household SET child_family_name = '白鷺', child_given_name = '朔', "
                + "child_family_name_kana = 'シラサギ', child_given_name_kana = 'サク' WHERE id = ?", loan.householdId());
        Sql.update("INSERT INTO guardian (household_id, position, name, name_kana, phone) VALUES (?, 1, '白鷺 澪', "
                + "'シラサギ ミオ', '0965-77-1357')", loan.householdId());
        AppUser user = logins.user(Role.CENTER_STAFF);
        Browser staff = signedIn(user);
        String loanLink = "href=\"/loans/" + loan.id() + "\"";

        for (String typed : new String[] {"しらさぎさく", "ｼﾗｻｷﾞ", "0965771357", "0965-77-1357", String.valueOf(loan.id())}) {
            assertTrue(page(staff, "/loans?q=" + encode(typed)).contains(loanLink), "/loans finds " + typed);
        }
        assertFalse(page(staff, "/loans?q=" + encode("しらさぎさくら")).contains(loanLink));
        assertTrue(page(staff, "/work-list?withinDays=30&q=" + encode("しらさぎ")).contains(loanLink), "the work list too");
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = '/loans' AND household_id = ? "
                + "AND actor_username = ?", loan.householdId(), user.username()) >= 1, "the family shown is audited");

        String applications = page(staff, "/applications?kind=loan&view=all&q=" + encode("しらさぎ"));
        assertTrue(applications.contains("href=\"/loan-applications/" + loan.loanApplicationId() + "\""), applications);
        String byNumber = page(staff, "/applications?kind=program&view=all&q=" + loan.programApplicationId());
        assertTrue(byNumber.contains("href=\"/program-applications/" + loan.programApplicationId() + "\""));

        String serial = Sql.queryForText("SELECT serial_number FROM device WHERE id = ?", loan.deviceId());
        String fullWidth = serial.chars().mapToObj(c -> c >= '!' && c <= '~' ? String.valueOf((char) (c + 0xFEE0))
                : String.valueOf((char) c)).reduce("", String::concat);
        assertTrue(page(staff, "/devices?q=" + encode(fullWidth)).contains("href=\"/devices/" + loan.deviceId() + "\""),
                "a serial typed full-width");
        assertTrue(page(staff, "/devices?q=" + encode("しらさぎ")).contains("href=\"/devices/" + loan.deviceId() + "\""),
                "the device out on the family's loan");
    }

    private static String page(Browser browser, String path) {
        HttpResponse<String> response = browser.get(path, "Accept", "text/html");
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static String encode(String typed) {
        return URLEncoder.encode(typed, StandardCharsets.UTF_8);
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
