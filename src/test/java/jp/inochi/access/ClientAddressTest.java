package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** The audit log's "from where" can't be forged by a client (see also {@link ClientAddressBehindProxyTest}). */
@MicronautTest(transactional = false)
class ClientAddressTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Users users;

    @Test
    void aForwardedForHeaderSentByTheClientIsIgnored() throws Exception {
        assertEquals("127.0.0.1", signInFrom(client, users, "203.0.113.9"));
    }

    /** Signs a new user in with the header and returns the address the audit log recorded. */
    static String signInFrom(HttpClient client, Users users, String forwardedFor) throws Exception {
        AppUser user = users.create(new Users.NewUser("address-" + System.nanoTime(), "テスト", TestLogins.PASSWORD,
                Role.AUDITOR, null, null, null));
        client.toBlocking().retrieve(HttpRequest.POST("/api/auth/token",
                Map.of("username", user.username(), "password", TestLogins.PASSWORD)).header("X-Forwarded-For", forwardedFor));
        try (var connection = Sql.connect(); var statement = connection.prepareStatement(
                "SELECT client_address FROM audit_log WHERE actor_user_id = ? AND action = 'LOGIN'")) {
            statement.setLong(1, user.id());
            var rows = statement.executeQuery();
            rows.next();
            return rows.getString(1);
        }
    }
}
