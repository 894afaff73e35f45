package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** A signed token is only as good as its user's current rights: disabled, moved or reset users lose access at once. */
@MicronautTest(transactional = false)
class TokensFollowCurrentRightsTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Users users;

    @Inject
    TestLogins logins;

    @Inject
    TokenGenerator generator;

    @Test
    void aDisabledUsersTokenStopsWorkingAtOnceAndReturnsWhenEnabledOnlyWithANewSignIn() {
        AppUser officer = newUser(Role.MUNICIPAL_OFFICER, "43202");
        String token = token(officer.username(), TestLogins.PASSWORD);
        assertEquals(HttpStatus.OK, me(token));

        users.disable(logins.viewer(Role.CENTER_ADMIN), officer.id(), "test");
        assertEquals(HttpStatus.UNAUTHORIZED, me(token));
        assertEquals(HttpStatus.UNAUTHORIZED, refusedToken(officer.username(), TestLogins.PASSWORD));

        users.enable(logins.viewer(Role.CENTER_ADMIN), officer.id(), "test");
        assertEquals(HttpStatus.UNAUTHORIZED, me(token), "the old token stays dead");
        assertEquals(HttpStatus.OK, me(token(officer.username(), TestLogins.PASSWORD)));
    }

    @Test
    void anOfficerMovedToAnotherMunicipalityLosesTheOldMunicipalityAtOnce() {
        AppUser officer = newUser(Role.MUNICIPAL_OFFICER, "43100");
        String oldToken = token(officer.username(), TestLogins.PASSWORD);

        users.changeRights(logins.viewer(Role.CENTER_ADMIN), officer.id(), Role.MUNICIPAL_OFFICER, "43202", null, "test");

        assertEquals(HttpStatus.UNAUTHORIZED, me(oldToken));
        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/me")
                .bearerAuth(token(officer.username(), TestLogins.PASSWORD)), Map.class);
        assertEquals("43202", me.get("municipalityCode"));
    }

    @Test
    void aPasswordResetEndsEveryTokenIssuedBeforeIt() {
        AppUser staff = newUser(Role.CENTER_STAFF, null);
        String token = token(staff.username(), TestLogins.PASSWORD);
        users.resetPassword(logins.viewer(Role.CENTER_ADMIN), staff.id(), "a-brand-new-password-7", "test");
        assertEquals(HttpStatus.UNAUTHORIZED, me(token));
        assertEquals(HttpStatus.UNAUTHORIZED, refusedToken(staff.username(), TestLogins.PASSWORD));
        assertEquals(HttpStatus.OK, me(token("" + staff.username(), "a-brand-new-password-7")));
    }

    @Test
    void anExpiredTokenIsRefused() {
        AppUser staff = newUser(Role.CENTER_STAFF, null);
        Map<String, Object> claims = claims(staff);
        claims.put("exp", Instant.now().minusSeconds(60).getEpochSecond());
        claims.put("iat", Instant.now().minusSeconds(3600).getEpochSecond());
        String expired = generator.generateToken(claims).orElseThrow();
        assertEquals(HttpStatus.UNAUTHORIZED, me(expired));
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        assertEquals(HttpStatus.OK, me(generator.generateToken(claims).orElseThrow()), "the same claims unexpired pass");
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        AppUser admin = newUser(Role.CENTER_ADMIN, null);
        String payload = json(claims(admin));
        String header = b64("{\"alg\":\"HS256\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("an-attackers-guess-of-the-secret-key-0000".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signedWithAnotherKey = header + "." + b64(payload) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal((header + "." + b64(payload)).getBytes(StandardCharsets.UTF_8)));
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64(payload) + ".";
        assertEquals(HttpStatus.UNAUTHORIZED, me(signedWithAnotherKey));
        assertEquals(HttpStatus.UNAUTHORIZED, me(unsigned));
        assertEquals(HttpStatus.UNAUTHORIZED, me("not-a-token-at-all"));
    }

    @Test
    void aValidlySignedTokenWithoutTheSecurityStampIsRefused() {
        AppUser staff = newUser(Role.CENTER_STAFF, null);
        Map<String, Object> claims = claims(staff);
        claims.remove("stamp");
        assertEquals(HttpStatus.UNAUTHORIZED, me(generator.generateToken(claims).orElseThrow()));
    }

    private Map<String, Object> claims(AppUser user) {
        Map<String, Object> claims = new HashMap<>(ViewerClaims.of(user));
        claims.put("sub", user.username());
        claims.put("roles", List.of(user.role().name()));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        return claims;
    }

    private static String json(Map<String, Object> claims) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            json.append(value instanceof Number ? value.toString()
                    : value instanceof List<?> list ? "[\"" + list.get(0) + "\"]" : "\"" + value + "\"");
        });
        return json.append('}').toString();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpStatus me(String token) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/api/auth/me").bearerAuth(token)).getStatus();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus();
        }
    }

    private String token(String username, String password) {
        return (String) client.toBlocking().retrieve(HttpRequest.POST("/api/auth/token",
                Map.of("username", username, "password", password)), Map.class).get("access_token");
    }

    private HttpStatus refusedToken(String username, String password) {
        return assertThrows(HttpClientResponseException.class, () -> token(username, password)).getStatus();
    }

    private AppUser newUser(Role role, String municipality) {
        return users.create(new Users.NewUser("rights-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
                "テスト", TestLogins.PASSWORD, role, municipality, null, null));
    }
}
