package jp.inochi.testsupport;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The service as {@code bin/run} starts it — every feature's demo data loaded by the real loaders, demo users with a
 * known password — on a database of its own, on a random port, for browser tests. Close it after the test class.
 */
public final class UiServer implements AutoCloseable {
    public static final String DEMO_PASSWORD = "browser-demo-password-2026";

    private final EmbeddedServer server;
    private final FreshDatabase database;

    private UiServer(EmbeddedServer server, FreshDatabase database) {
        this.server = server;
        this.database = database;
    }

    public static UiServer start(String purpose) {
        return start(purpose, Map.of());
    }

    public static UiServer start(String purpose, Map<String, Object> extra) {
        FreshDatabase database = FreshDatabase.create("ui_" + purpose);
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("inochi.demo.dir", "gis/demo");
        properties.put("inochi.demo.password", DEMO_PASSWORD);
        properties.put("micronaut.server.port", -1);
        // the browser tests move the clock by hours and days with a browser signed in; WebSignInTest checks the idle rule
        properties.put("inochi.security.idle-timeout", "30d");
        try {
            Path files = Files.createTempDirectory("inochi-ui-files");
            properties.put("inochi.files.dir", files.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        properties.putAll(extra);
        return new UiServer(ApplicationContext.run(EmbeddedServer.class, properties, "test"), database);
    }

    public URI uri() {
        return server.getURI();
    }

    public String url(String path) {
        return server.getURI().resolve(path).toString();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public FreshDatabase database() {
        return database;
    }

    /** Opens the sign-in page and signs in as a demo user; returns on the page the service sends them to. */
    public Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("ユーザー名").fill(username);
        page.getByLabel("パスワード").fill(DEMO_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("ログイン").setExact(true)).click();
        page.waitForLoadState();
        return page;
    }

    @Override
    public void close() {
        server.close();
    }
}
