package jp.inochi.web;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * The screens follow the same rule as the API: an officer sees the households of their municipality that consented
 * (and, during a declaration, the others, saying so), never another municipality's — a page for one is "not found" —
 * and none of the center's pages. Every household shown is in the audit log with its basis.
 */
@MicronautTest(transactional = false)
class OfficerPagesShowOnlyTheirScopeTest {
    /** 産山村 and 高森町: municipalities no other test uses, so their households are ours alone. */
    private static final String UBUYAMA = "43425";
    private static final String TAKAMORI = "43428";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    Router router;

    @Inject
    MovableClock clock;

    @Test
    void anOfficerSeesTheirConsentingHouseholdsAndNothingOfAnotherMunicipality() throws Exception {
        Household consenting = households.living(UBUYAMA, true, 131.21, 33.01);
        Household notConsenting = households.living(UBUYAMA, false, 131.22, 33.02);
        Household elsewhere = households.living(TAKAMORI, true, 131.12, 32.82);
        Browser officer = signedIn(logins.user(Role.MUNICIPAL_OFFICER, UBUYAMA, null));

        HttpResponse<String> list = officer.get("/households", "Accept", "text/html");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("/households/" + consenting.id() + "\""), "their consenting household is listed");
        assertFalse(list.body().contains("/households/" + notConsenting.id() + "\""), "no consent, no declaration: not listed");
        assertFalse(list.body().contains("/households/" + elsewhere.id() + "\""), "another municipality: never");
        assertTrue(list.body().contains("平常時：情報共有に同意した世帯（本人同意）のみ表示しています"), "the page says on what basis");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = '/households' "
                + "AND basis = 'CONSENT' AND actor_username = ?", consenting.id(), logins.user(Role.MUNICIPAL_OFFICER, UBUYAMA, null).username()));

        HttpResponse<String> page = officer.get("/households/" + consenting.id(), "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("閲覧の根拠：本人同意"));
        assertFalse(page.body().contains("熊本大学病院"), "clinical detail is withheld from officers");
        assertFalse(page.body().contains("位置を保存する"), "officers don't move homes");

        for (Household hidden : List.of(notConsenting, elsewhere)) {
            HttpResponse<String> refused = officer.get("/households/" + hidden.id(), "Accept", "text/html");
            assertEquals(404, refused.statusCode());
            assertTrue(refused.body().contains("ページまたはデータが見つかりません"), refused.body());
            assertFalse(refused.body().contains(hidden.address()) && refused.body().contains("熊本 ひかり"));
        }
        assertEquals(403, officer.postForm("/households/" + consenting.id() + "/location",
                form("longitude", "131.2", "latitude", "33.0", "_csrf", token(page.body()))).statusCode());
    }

    @Test
    void duringADeclarationTheOfficerAlsoSeesTheOthersAndIsToldWhy() throws Exception {
        Household notConsenting = households.living(UBUYAMA, false, 131.23, 33.03);
        AppUser admin = logins.user(Role.CENTER_ADMIN);
        long declaration;
        try (var connection = Sql.connect(); var insert = connection.prepareStatement("""
                INSERT INTO disaster_declaration (municipality_codes, hazard_type, reason, starts_at, ends_at, declared_by, created_at)
                VALUES (ARRAY[?]::varchar[], 'FLOOD', '画面のテスト', ?, ?, ?, now()) RETURNING id""")) {
            insert.setString(1, UBUYAMA);
            insert.setObject(2, java.sql.Timestamp.from(clock.instant().minusSeconds(3600)));
            insert.setObject(3, java.sql.Timestamp.from(clock.instant().plusSeconds(86_400)));
            insert.setLong(4, admin.id());
            try (var rows = insert.executeQuery()) {
                rows.next();
                declaration = rows.getLong(1);
            }
        }
        try {
            Browser officer = signedIn(logins.user(Role.MUNICIPAL_OFFICER, UBUYAMA, null));
            HttpResponse<String> page = officer.get("/households/" + notConsenting.id(), "Accept", "text/html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("閲覧の根拠：災害宣言"));
            assertTrue(page.body().contains("災害宣言中（洪水"), "the header names the declaration");
            assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND basis = 'DECLARATION' "
                    + "AND declaration_id = ?", notConsenting.id(), declaration));
        } finally {
            // Ended at its start: never active for the other tests, whatever the (standing) clock says.
            Sql.update("UPDATE disaster_declaration SET ended_at = starts_at, end_reason = 'テスト終了' WHERE id = ?", declaration);
        }
    }

    /** Every page of the UI, opened by an officer with another municipality's household id, shows nothing of it. */
    @Test
    void noPageOfTheUiShowsAnOfficerAnotherMunicipalitysHousehold() throws Exception {
        Household elsewhere = households.living(TAKAMORI, true, 131.13, 32.83);
        Browser officer = signedIn(logins.user(Role.MUNICIPAL_OFFICER, UBUYAMA, null));
        List<String> tried = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            if (route.getHttpMethod() != HttpMethod.GET || !isSignedInPage(route)) {
                continue;
            }
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{[^}]+}", String.valueOf(elsewhere.id()))
                    .replaceAll("\\{[^}]*$", "");
            String url = path + (path.contains("?") ? "&" : "?") + "householdId=" + elsewhere.id();
            HttpResponse<String> response = officer.get(url, "Accept", "text/html");
            tried.add(path + " → " + response.statusCode());
            assertTrue(List.of(200, 303, 403, 404).contains(response.statusCode()), path + ": " + response.statusCode());
            assertFalse(response.body().contains(elsewhere.address()) && response.body().contains("/households/" + elsewhere.id()),
                    path + " showed 高森町's household to 産山村's officer");
        }
        assertTrue(tried.size() >= 15, "the UI's pages were found: " + tried);
        assertTrue(tried.stream().anyMatch(t -> t.startsWith("/program-applications/" + elsewhere.id() + " → 403")), tried.toString());
    }

    @Test
    void aPageOpenedWithoutSigningInGoesToTheSignInPageAndBack() {
        Browser anonymous = new Browser(server.getURI());
        HttpResponse<String> redirected = anonymous.get("/loans?state=ACTIVE", "Accept", "text/html");
        assertEquals(303, redirected.statusCode());
        assertEquals("/login?next=" + URLEncoder.encode("/loans?state=ACTIVE", StandardCharsets.UTF_8),
                redirected.headers().firstValue("location").orElseThrow());
        assertEquals(401, anonymous.get("/api/loans", "Accept", "application/json").statusCode(), "the API keeps its 401");
        HttpResponse<String> login = anonymous.get("/login?next=%2Floans%3Fstate%3DACTIVE", "Accept", "text/html");
        assertTrue(login.body().contains("value=\"/loans?state=ACTIVE\""), "the sign-in form carries next: " + login.statusCode() + login.headers().map() + login.body());
        HttpResponse<String> foreign = anonymous.get("/login?next=//evil.example/", "Accept", "text/html");
        assertTrue(foreign.body().contains("name=\"next\" value=\"/\""), "never another host");
    }

    @Test
    void aCenterOnlyPageTellsAnOfficerInJapaneseThatTheirRoleCantOpenIt() throws Exception {
        Browser officer = signedIn(logins.user(Role.MUNICIPAL_OFFICER, UBUYAMA, null));
        HttpResponse<String> refused = officer.get("/applications", "Accept", "text/html");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("このページはあなたの役割（権限）では開けません"), refused.body());
        assertTrue(refused.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    }

    /** A page of the UI for signed-in users: an HTML route of a feature (the family's link pages need no sign-in). */
    private static boolean isSignedInPage(UriRouteInfo<?, ?> route) {
        return route.getDeclaringType().getPackageName().startsWith("jp.inochi.")
                && route.getProduces().contains(MediaType.TEXT_HTML_TYPE)
                && !route.getAnnotationMetadata().stringValue(Secured.class).orElse("").equals(SecurityRule.IS_ANONYMOUS);
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
