package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.testsupport.FreshDatabase;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UserAdministrationTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String NEW_PASSWORD = "officer-first-pass-2026";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestLogins logins;

    @Inject
    Users users;

    @Test
    void anAdminCreatesAWardOfficerAndNoResponseEverCarriesThePassword() throws Exception {
        String username = username();
        var created = client.toBlocking().exchange(asAdmin(HttpRequest.POST("/api/users", Map.of(
                "username", username, "displayName", "熊本市 中央区 防災担当", "password", NEW_PASSWORD,
                "role", "MUNICIPAL_OFFICER", "municipalityCode", "43100", "wardCode", "43101"))), String.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        String body = created.body();
        assertTrue(body.contains("\"wardCode\":\"43101\""), body);
        String list = client.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/users")), String.class);
        for (String response : List.of(body, list)) {
            assertFalse(response.contains(NEW_PASSWORD), "password in a response");
            assertFalse(response.contains("argon2"), "hash in a response");
            assertFalse(response.toLowerCase().contains("password\":"), "password field in a response");
        }
        long id = Sql.queryForLong("SELECT id FROM app_user WHERE username = ?", username);
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND subject_type = 'app_user'"
                + " AND subject_id = ? AND detail = 'MUNICIPAL_OFFICER 43100 43101' AND detail NOT LIKE ?", String.valueOf(id),
                "%" + NEW_PASSWORD + "%"));
        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(tokenOf(username, NEW_PASSWORD)), Map.class);
        assertEquals("43101", me.get("wardCode"));
    }

    @Test
    void onlyCenterAdminsMayAdministerUsers() {
        for (Role role : new Role[] {Role.CENTER_STAFF, Role.AUDITOR}) {
            var refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .retrieve(HttpRequest.GET("/api/users").bearerAuth(logins.bearer(role))));
            assertEquals(HttpStatus.FORBIDDEN, refused.getStatus(), role.name());
        }
        var officer = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(logins.asOfficerOf("43202", HttpRequest.POST("/api/users/1/disable", ""))));
        assertEquals(HttpStatus.FORBIDDEN, officer.getStatus());
    }

    @Test
    void aWardCanOnlyBeGivenTo熊本市OfficersAndEachBadFieldIsNamed() {
        Map<String, Object> request = new HashMap<>(Map.of("username", username(), "displayName", "八代市",
                "password", "short", "role", "MUNICIPAL_OFFICER", "municipalityCode", "43202", "wardCode", "43101",
                "email", "not-an-email"));
        var refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(asAdmin(HttpRequest.POST("/api/users", request))));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        String problem = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("\"field\":\"email\""), problem);
        request.put("email", "officer@example.jp");
        request.put("password", NEW_PASSWORD);
        var ward = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(asAdmin(HttpRequest.POST("/api/users", request))));
        assertTrue(ward.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"wardCode\""));
    }

    @Test
    void disablingResettingAndMovingAUserAreAuditedAndTakeEffectAtOnce() throws Exception {
        AppUser officer = newUser(Role.MUNICIPAL_OFFICER, "43202");
        String token = tokenOf(officer.username(), TestLogins.PASSWORD);

        client.toBlocking().exchange(asAdmin(HttpRequest.POST("/api/users/" + officer.id() + "/disable", "")));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> tokenOf(officer.username(), TestLogins.PASSWORD)).getStatus());
        client.toBlocking().exchange(asAdmin(HttpRequest.POST("/api/users/" + officer.id() + "/enable", "")));
        client.toBlocking().exchange(asAdmin(HttpRequest.POST("/api/users/" + officer.id() + "/password",
                Map.of("password", "reset-by-the-admin-42"))));
        Map<?, ?> moved = client.toBlocking().retrieve(asAdmin(HttpRequest.PUT("/api/users/" + officer.id() + "/rights",
                Map.of("role", "MUNICIPAL_OFFICER", "municipalityCode", "43203"))), Map.class);
        assertEquals("43203", moved.get("municipalityCode"));

        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(token))).getStatus());
        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/me")
                .bearerAuth(tokenOf(officer.username(), "reset-by-the-admin-42")), Map.class);
        assertEquals("43203", me.get("municipalityCode"));
        assertEquals(List.of("無効化", "有効化", "パスワード再設定", "権限変更: MUNICIPAL_OFFICER 43202 → MUNICIPAL_OFFICER 43203"),
                details(officer.id()));
    }

    @Test
    void nobodyDisablesOrDemotesThemselves() {
        AppUser admin = logins.user(Role.CENTER_ADMIN);
        Viewer self = logins.viewer(Role.CENTER_ADMIN);
        assertThrows(ConflictException.class, () -> users.disable(self, admin.id(), "test"));
        assertThrows(ConflictException.class, () -> users.changeRights(self, admin.id(), Role.CENTER_STAFF, null, null, "test"));
        assertTrue(users.get(admin.id()).enabled());
    }

    @Test
    void theLastEnabledAdminIsKeptEvenWhenTwoAdminsDisableEachOther() {
        // Its own database: the shared one has admins from other test classes.
        FreshDatabase database = FreshDatabase.create("last_admin");
        try (ApplicationContext context = ApplicationContext.run(database.properties(), "test")) {
            Users fresh = context.getBean(Users.class);
            AppUser first = fresh.create(new Users.NewUser("first-admin", "管理者1", TestLogins.PASSWORD, Role.CENTER_ADMIN, null, null, null));
            AppUser second = fresh.create(new Users.NewUser("second-admin", "管理者2", TestLogins.PASSWORD, Role.CENTER_ADMIN, null, null, null));
            fresh.disable(viewer(first), second.id(), "test");
            // The second admin's request was already under way when the first one's committed.
            assertThrows(ConflictException.class, () -> fresh.disable(viewer(second), first.id(), "test"));
            assertThrows(ConflictException.class, () -> fresh.changeRights(viewer(second), first.id(), Role.AUDITOR, null, null, "test"));
            assertTrue(fresh.get(first.id()).enabled());
        }
    }

    private static Viewer viewer(AppUser user) {
        return new Viewer(user.id(), user.username(), user.displayName(), user.role(), null, null, "127.0.0.1");
    }

    @Test
    void anOverLongDisplayNameIsRefusedWithA400NotStoredCut() throws Exception {
        String username = username();
        var refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(asAdmin(
                HttpRequest.POST("/api/users", Map.of("username", username, "displayName", "長".repeat(101),
                        "password", NEW_PASSWORD, "role", "AUDITOR")))));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"displayName\""));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM app_user WHERE username = ?", username));
    }

    @Test
    void aUserChangesTheirOwnPasswordKnowingTheCurrentOne() {
        AppUser auditor = newUser(Role.AUDITOR, null);
        String token = tokenOf(auditor.username(), TestLogins.PASSWORD);
        var wrong = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/auth/password", Map.of("currentPassword", "not-it-at-all", "newPassword", "next-password-2027"))
                        .bearerAuth(token)));
        assertEquals(HttpStatus.BAD_REQUEST, wrong.getStatus());
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/password",
                Map.of("currentPassword", TestLogins.PASSWORD, "newPassword", "next-password-2027")).bearerAuth(token));
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/api/auth/me")
                .bearerAuth(tokenOf(auditor.username(), "next-password-2027"))).getStatus());
    }

    private List<String> details(long userId) throws Exception {
        try (var connection = Sql.connect(); var statement = connection.prepareStatement(
                "SELECT detail FROM audit_log WHERE subject_type = 'app_user' AND subject_id = ? AND action = 'UPDATE' ORDER BY id")) {
            statement.setString(1, String.valueOf(userId));
            var rows = statement.executeQuery();
            List<String> details = new java.util.ArrayList<>();
            while (rows.next()) {
                details.add(rows.getString(1));
            }
            return details;
        }
    }

    private <T> MutableHttpRequest<T> asAdmin(MutableHttpRequest<T> request) {
        return logins.as(Role.CENTER_ADMIN, request);
    }

    private String tokenOf(String username, String password) {
        return (String) client.toBlocking().retrieve(HttpRequest.POST("/api/auth/token",
                Map.of("username", username, "password", password)), Map.class).get("access_token");
    }

    private static String username() {
        return "admin-api-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    private AppUser newUser(Role role, String municipality) {
        return users.create(new Users.NewUser(username(), "テスト", TestLogins.PASSWORD, role, municipality, null, null));
    }
}
