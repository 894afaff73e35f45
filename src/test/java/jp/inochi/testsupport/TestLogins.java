package jp.inochi.testsupport;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.access.Users;
import jp.inochi.access.Viewer;

/**
 * Real users for tests: created through {@link Users} (hashed password, real rules) and signed in
 * through the real token endpoint. One user per role and municipality per application context.
 */
@Singleton
public class TestLogins {
    public static final String PASSWORD = "correct-horse-battery-staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Users users;
    private final HttpClient client;
    private final Map<String, AppUser> created = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    TestLogins(Users users, @Client("/") HttpClient client) {
        this.users = users;
        this.client = client;
    }

    public AppUser user(Role role) {
        return user(role, null, null);
    }

    /** A user of the role, bound to the municipality (and ward) when given; created once and reused. */
    public AppUser user(Role role, @Nullable String municipalityCode, @Nullable String wardCode) {
        String key = role + "/" + municipalityCode + "/" + wardCode;
        return created.computeIfAbsent(key, ignored -> users.create(new Users.NewUser(
                "t" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-" + role.name().toLowerCase().replace('_', '-'),
                "テスト " + role.label(), PASSWORD, role, municipalityCode, wardCode, null)));
    }

    public String bearer(Role role) {
        return bearer(role, null, null);
    }

    public String municipalBearer(String municipalityCode) {
        return bearer(Role.MUNICIPAL_OFFICER, municipalityCode, null);
    }

    public String bearer(Role role, @Nullable String municipalityCode, @Nullable String wardCode) {
        AppUser user = user(role, municipalityCode, wardCode);
        return tokens.computeIfAbsent(user.username(), username -> {
            Map<?, ?> response = client.toBlocking().retrieve(
                    HttpRequest.POST("/api/auth/token", Map.of("username", username, "password", PASSWORD)), Map.class);
            return (String) Objects.requireNonNull(response.get("access_token"));
        });
    }

    /** Adds the role's bearer token to a request. */
    public <T> MutableHttpRequest<T> as(Role role, MutableHttpRequest<T> request) {
        return request.bearerAuth(bearer(role));
    }

    public <T> MutableHttpRequest<T> asOfficerOf(String municipalityCode, MutableHttpRequest<T> request) {
        return request.bearerAuth(municipalBearer(municipalityCode));
    }

    /** The Viewer a controller would receive for this user, for tests that call services directly. */
    public Viewer viewer(Role role, @Nullable String municipalityCode, @Nullable String wardCode) {
        AppUser user = user(role, municipalityCode, wardCode);
        return new Viewer(user.id(), user.username(), user.displayName(), role, municipalityCode, wardCode, "127.0.0.1");
    }

    public Viewer viewer(Role role) {
        return viewer(role, null, null);
    }
}
