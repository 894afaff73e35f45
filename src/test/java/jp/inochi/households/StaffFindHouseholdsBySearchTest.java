package jp.inochi.households;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * 「検索」 on /households: a child recorded in katakana is found by hiragana or half-width kana, a guardian by a phone
 * number with or without hyphens, a household by its number; an officer's search never reaches another
 * municipality's household, not even by its number; what is shown is audited like any list read.
 */
@MicronautTest(transactional = false)
class StaffFindHouseholdsBySearchTest {
    /** 多良木町 and 湯前町: municipalities no other test uses, so the households there are ours alone. */
    private static final String TARAGI = "43505";
    private static final String YUNOMAE = "43506";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Test
    void centerStaffFindAKatakanaChildByHiraganaHalfWidthKanaPhoneAndNumber() throws Exception {
        long child = named(TARAGI, "多良木", "颯汰", "タラギ", "ソウタ", "090-5505-4321");
        Browser staff = signedIn(logins.user(Role.CENTER_STAFF));

        assertFound(staff, "たらぎそうた", child);
        assertFound(staff, "たらぎ　そうた", child);
        assertFound(staff, "ﾀﾗｷﾞ", child);
        assertFound(staff, "多良木颯汰", child);
        assertFound(staff, "090-5505-4321", child);
        assertFound(staff, "09055054321", child);
        assertFound(staff, "０９０５５０５４３２１", child);
        assertFound(staff, "みどりたらぎ", child); // the guardian's kana, typed in hiragana
        assertFound(staff, String.valueOf(child), child);

        HttpResponse<String> miss = staff.get(search("たらぎそうたろう"), "Accept", "text/html");
        assertEquals(200, miss.statusCode());
        assertFalse(miss.body().contains(link(child)));
        assertTrue(miss.body().contains("「たらぎそうたろう」に当てはまる世帯はありません。"));
    }

    @Test
    void anOfficersSearchNeverReturnsAnotherMunicipalitysHouseholdEvenByItsNumber() throws Exception {
        long theirs = named(YUNOMAE, "湯前", "芽依", "ユノマエ", "メイ", "0966-43-0001");
        long elsewhere = named(TARAGI, "湯前", "芽依", "ユノマエ", "メイ", "0966-43-0002");
        AppUser user = logins.user(Role.MUNICIPAL_OFFICER, YUNOMAE, null);
        Browser officer = signedIn(user);

        HttpResponse<String> byKana = officer.get(search("ゆのまえめい"), "Accept", "text/html");
        assertTrue(byKana.body().contains(link(theirs)));
        assertFalse(byKana.body().contains(link(elsewhere)), "another municipality's namesake: never");
        assertTrue(byKana.body().contains("全1件中 1〜1件"), byKana.body());

        HttpResponse<String> byNumber = officer.get(search(String.valueOf(elsewhere)), "Accept", "text/html");
        assertEquals(200, byNumber.statusCode());
        assertFalse(byNumber.body().contains(link(elsewhere)), "not even by its number");
        assertTrue(byNumber.body().contains("に当てはまる世帯はありません。"));

        HttpResponse<String> byPhone = officer.get(search("0966430002"), "Accept", "text/html");
        assertFalse(byPhone.body().contains(link(elsewhere)), "nor by its guardian's phone");

        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND actor_username = ?",
                elsewhere, user.username()), "nothing of it was read");
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = '/households' "
                + "AND basis = 'CONSENT' AND actor_username = ?", theirs, user.username()) >= 1, "the row shown is audited");
    }

    private void assertFound(Browser browser, String typed, long household) {
        HttpResponse<String> page = browser.get(search(typed), "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(link(household)), typed + " finds household " + household);
        assertTrue(page.body().contains("value=\"" + typed + "\""), "the box keeps what was typed");
    }

    /** A consenting household of the municipality with these names, and a guardian with this phone. */
    private long named(String municipality, String family, String given, String familyKana, String givenKana,
                       String phone) throws Exception {
        long id = households.living(municipality, true).id();
        Sql.update("UPDATE household SET child_family_name = ?, child_given_name = ?, child_family_name_kana = ?, "
                + "child_given_name_kana = ? WHERE id = ?", family, given, familyKana, givenKana, id);
        Sql.update("INSERT INTO guardian (household_id, position, name, name_kana, relationship, phone) "
                + "VALUES (?, 1, ?, ?, '母', ?)", id, family + " 翠", "ミドリ " + familyKana, phone);
        return id;
    }

    private static String search(String typed) {
        return "/households?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8);
    }

    private static String link(long household) {
        return "href=\"/households/" + household + "\"";
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
