package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import jp.inochi.platform.hygiene.MultipartNames;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** A NUL or other control character is refused with 400 and a Japanese problem document, never reaching SQL. */
@MicronautTest(transactional = false)
class ControlCharactersAreRefusedAtTheEdgeTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestLogins logins;

    @Test
    void aNulInAQueryParameterIsRefusedWith400() {
        assertRefused(browser().get("/api/audit-log?username=a%00b", "Authorization", "Bearer " + logins.bearer(Role.AUDITOR)));
        assertRefused(browser().get("/api/audit-log?username=a%01b", "Authorization", "Bearer " + logins.bearer(Role.AUDITOR)));
    }

    @Test
    void aNulInAJsonBodyIsRefusedWith400() {
        assertRefused(browser().postJson("/api/auth/token", "{\"username\":\"a\\u0000b\",\"password\":\"whatever-it-is\"}"));
        assertRefused(browser().postJson("/api/users",
                "{\"username\":\"nul-user\",\"displayName\":\"a\\u0000\",\"password\":\"a-long-enough-secret-1\",\"role\":\"AUDITOR\"}",
                "Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN)));
    }

    @Test
    void aNulInAFormFieldIsRefusedWith400() {
        assertRefused(browser().send("POST", "/login", "application/x-www-form-urlencoded",
                "username=a%00b&password=whatever", "Accept", "application/json"));
    }

    @Test
    void aNulInAMultipartPartNameIsRefusedWith400AndNeverBindsToAPart() {
        HttpResponse<String> response = multipart("/api/inspections/1/photos", "fi\u0000le", "photo.png");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        assertTrue(response.body().matches("(?s).*[\\u3040-\\u30ff\\u4e00-\\u9fff].*"), "in Japanese: " + response.body());
    }

    @Test
    void aControlCharacterInAMultipartFileNameIsRefusedWhereThePartsAreReceived() {
        InochiException refused = assertThrows(InochiException.class, () -> MultipartNames.check("file", "a\u0000b.png"));
        assertTrue(refused.getMessage().contains("制御文字"), refused.getMessage());
        assertThrows(InochiException.class, () -> MultipartNames.check("fi\u0007le", "a.png"));
        MultipartNames.check("file", "写真 2026-05-10.png");
    }

    @Test
    void lineBreaksAndTabsInJsonTextStillPass() {
        HttpResponse<String> response = browser().postJson("/api/auth/token",
                "{\"username\":\"line\\nbreak\\tname\",\"password\":\"" + TestLogins.PASSWORD + "\"}");
        assertEquals(401, response.statusCode(), response.body());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        assertTrue(response.body().contains("制御文字"), response.body());
    }

    /** A multipart upload as a browser sends it, with the part's name and file name exactly as given. */
    private HttpResponse<String> multipart(String path, String partName, String fileName) {
        String boundary = "----inochi-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n--" + boundary + "--\r\n";
        return browser().send("POST", path, "multipart/form-data; boundary=" + boundary, body,
                "Authorization", "Bearer " + logins.bearer(Role.CENTER_STAFF));
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }
}
