package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "inochi.security.client-address-header", value = "X-Forwarded-For")
class ClientAddressBehindProxyTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Users users;

    @Test
    void theAddressTheTrustedProxyAppendedIsRecordedNotTheOneTheClientSent() throws Exception {
        assertEquals("203.0.113.9", ClientAddressTest.signInFrom(client, users, "198.51.100.66, 203.0.113.9"));
    }
}
