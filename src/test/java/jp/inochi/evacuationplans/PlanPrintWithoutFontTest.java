package jp.inochi.evacuationplans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** Issue 14: without the Japanese print font the PDF answers 503 with a Japanese explanation, and nothing else breaks. */
@MicronautTest(transactional = false)
@Property(name = "inochi.print.font", value = "/nonexistent/fonts/ipaexg.ttf")
class PlanPrintWithoutFontTest {
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void withoutTheFontThePdfAnswers503InJapaneseAndThePlanItselfStillReads() {
        Map<String, Object> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", HouseholdForms.hitoyoshi())), Map.class);
        String base = "/api/households/" + created.get("id") + "/evacuation-plan";
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.GET(base + ".pdf")), byte[].class));
        assertEquals(503, missing.getStatus().getCode());
        String body = missing.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("日本語フォント") && body.contains("fonts-ipaexfont-gothic"), body);
        assertEquals(200, http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.GET(base)), Map.class)
                .getStatus().getCode());
    }
}
