package jp.inochi.access;

import static jp.inochi.testsupport.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords never reach a log line or a response, whatever the log level: every way a password enters the service
 * is exercised under the production logging configuration ({@code logback.xml}) at its most verbose
 * ({@code LOG_LEVEL=ALL}), and every captured event (message, arguments, exceptions, MDC) and every response is
 * searched for each password and for password hashes.
 */
@MicronautTest(transactional = false)
class PasswordsStayOutOfLogsAndResponsesTest {
    private static final String HASH_MARK = "$argon2id$";

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    TestLogins logins;

    @Inject
    JsonMapper json;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final List<String> responses = new ArrayList<>();

    @BeforeEach
    void captureEveryLogEventUnderTheProductionConfiguration() throws Exception {
        configure(getClass().getResource("/logback.xml"), "ALL");
        Logger root = rootLogger();
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            detached.add(appenders.next());
        }
        detached.forEach(root::detachAppender);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restoreTheTestLogging() throws Exception {
        configure(getClass().getResource("/logback-test.xml"), null);
    }

    private static void configure(URL configuration, String level) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        if (level != null) {
            context.putProperty("LOG_LEVEL", level);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);
    }

    @Test
    void noPasswordAppearsInAnyLogLineOrResponseOnAnyPathAPasswordTakes() throws Exception {
        long unique = System.nanoTime();
        String created = "created-pass-" + unique;
        String wrong = "wrong-pass-" + unique;
        String typedAsUsername = "typed-as-username-" + unique;
        String cookieWrong = "cookie-wrong-" + unique;
        String reset = "reset-pass-" + unique;
        String changed = "changed-pass-" + unique;
        String malformed = "malformed-pass-" + unique;
        String unterminated = "unterminated-pass-" + unique;
        String overLong = "over-long-pass-" + unique + "x".repeat(300);
        String commandLine = "command-line-pass-" + unique;
        List<String> secrets = new ArrayList<>(List.of(created, wrong, typedAsUsername, cookieWrong, reset, changed, malformed,
                unterminated, overLong, commandLine));
        String admin = logins.bearer(Role.CENTER_ADMIN);
        Browser api = new Browser(server.getURI());
        String username = "pw-" + unique;

        keep(api.postJson("/api/users", json.writeValueAsString(Map.of("username", username, "displayName", "テスト",
                "password", created, "role", "CENTER_STAFF")), "Authorization", "Bearer " + admin));
        long id = ((Number) json.readValue(responses.get(0), Map.class).get("id")).longValue();
        keep(api.postJson("/api/auth/token", token(username, created)));
        keep(api.postJson("/api/auth/token", token(username, wrong)));
        keep(api.postJson("/api/auth/token", token(typedAsUsername, wrong)));
        keep(api.postJson("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":" + malformed + "}"));
        keep(api.postJson("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + unterminated));
        keep(api.postJson("/api/auth/token", token(username, overLong)));

        Browser browser = new Browser(server.getURI());
        String csrf = (String) json.readValue(browser.get("/api/auth/csrf").body(), Map.class).get("token");
        keep(browser.postForm("/login", form("username", username, "password", cookieWrong, "_csrf", csrf)));
        keep(browser.postForm("/login", form("username", username, "password", created, "_csrf", csrf)));

        keep(api.postJson("/api/users/" + id + "/password", json.writeValueAsString(Map.of("password", reset)),
                "Authorization", "Bearer " + admin));
        String staffToken = (String) json.readValue(api.postJson("/api/auth/token", token(username, reset)).body(), Map.class)
                .get("access_token");
        keep(api.postJson("/api/auth/password", json.writeValueAsString(Map.of("currentPassword", reset, "newPassword", changed)),
                "Authorization", "Bearer " + staffToken));
        for (int attempt = 0; attempt < LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES; attempt++) {
            String guess = "lockout-guess-" + attempt + "-" + unique;
            secrets.add(guess);
            keep(api.postJson("/api/auth/token", token(username, guess)));
        }
        keep(api.get("/api/users/" + id, "Authorization", "Bearer " + admin));
        keep(api.get("/api/users", "Authorization", "Bearer " + admin));
        assertEquals(CreateAdminCommand.OK, CreateAdminCommand.run(context,
                new ByteArrayInputStream((commandLine + "\n").getBytes(StandardCharsets.UTF_8)), "--username", "cli-" + unique));

        List<String> logLines = captured.list.stream().map(PasswordsStayOutOfLogsAndResponsesTest::everything).toList();
        assertTrue(logLines.size() > 50, "logging was really on: " + logLines.size() + " events");
        assertTrue(logLines.stream().anyMatch(line -> line.contains("locked after")), "the lockout was logged (by user id)");
        for (String secret : secrets) {
            for (String line : logLines) {
                assertTrue(!line.contains(secret), "a password in a log line: " + line);
            }
            for (String response : responses) {
                assertTrue(!response.contains(secret), "a password in a response: " + response);
            }
        }
        assertTrue(logLines.stream().noneMatch(line -> line.contains(HASH_MARK)), "a password hash in a log line");
        assertTrue(responses.stream().noneMatch(response -> response.contains(HASH_MARK)), "a password hash in a response");
    }

    private void keep(HttpResponse<String> response) {
        responses.add(response.body() + "\n" + response.headers().map());
    }

    private static String token(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    /** Everything an appender could write for an event. */
    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            text.append(' ').append(Arrays.deepToString(event.getArgumentArray()));
        }
        text.append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append(' ').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        }
        return text.toString();
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
