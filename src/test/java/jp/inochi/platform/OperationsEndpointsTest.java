package jp.inochi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import jp.inochi.access.Role;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** /prometheus answers only the configured scraper; /health shows its details only to center admins. */
@MicronautTest(transactional = false)
@Property(name = "inochi.metrics.scrape-token", value = OperationsEndpointsTest.SCRAPE_TOKEN)
class OperationsEndpointsTest {
    static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789abcdef";

    @Inject
    EmbeddedServer server;

    @Inject
    TestLogins logins;

    @Test
    void prometheusAnswersOnlyTheConfiguredScrapeCredential() {
        assertEquals(401, browser().get("/prometheus").statusCode());
        assertEquals(401, browser().get("/prometheus", "Authorization", "Bearer wrong").statusCode());
        assertEquals(401, browser().get("/prometheus", "Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN)).statusCode());
        HttpResponse<String> scraped = browser().get("/prometheus", "Authorization", "Bearer " + SCRAPE_TOKEN);
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.body().contains("jvm_"), "the metrics themselves");
    }

    @Test
    void healthShowsItsDetailsOnlyToCenterAdmins() {
        HttpResponse<String> staff = browser().get("/health", "Authorization", "Bearer " + logins.bearer(Role.CENTER_STAFF));
        assertTrue(staff.body().contains("\"UP\""), staff.body());
        assertFalse(staff.body().contains("details"), staff.body());
        assertFalse(browser().get("/health").body().contains("details"));
        HttpResponse<String> admin = browser().get("/health", "Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN));
        assertTrue(admin.body().contains("details"), admin.body());
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }
}
