package jp.inochi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import jp.inochi.testsupport.Browser;
import org.junit.jupiter.api.Test;

/** Every browser asks for /favicon.ico, signed in or not; it used to get a 403. */
@MicronautTest(transactional = false)
class FaviconTest {
    @Inject
    EmbeddedServer server;

    @Test
    void theFaviconIsServedToAnyoneInsteadOfA403() {
        Browser browser = new Browser(server.getURI());
        HttpResponse<String> ico = browser.get("/favicon.ico");
        assertEquals(308, ico.statusCode(), "a permanent redirect to the icon");
        assertEquals(Favicon.ICON, ico.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> svg = browser.get(Favicon.ICON);
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
        assertTrue(svg.body().startsWith("<svg"), svg.body());
    }
}
