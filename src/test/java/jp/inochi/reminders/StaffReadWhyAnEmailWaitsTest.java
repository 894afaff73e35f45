package jp.inochi.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.Browser;
import jp.inochi.testsupport.GeneratedLoans;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * With no mail server listening (GreenMail stopped), staff read on the outbox pages why an email waits and when it is
 * tried again, in Japanese, never the exception's name; a center admin can still open the technical text.
 */
@MicronautTest(transactional = false)
class StaffReadWhyAnEmailWaitsTest implements TestPropertyProvider {
    private static final String SENTENCE = "メールサーバーに接続できません。自動で再送します（次回 ";
    private final int port = freePort();

    @Inject
    ReminderSweep sweep;
    @Inject
    OutboxDelivery delivery;
    @Inject
    MovableClock clock;
    @Inject
    TestLogins logins;
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("javamail.properties.mail.smtp.port", String.valueOf(port),
                "javamail.properties.mail.smtp.connectiontimeout", "1000");
    }

    @Test
    void staffSeeTheMailServerCannotBeReachedAndTheNextRetryTimeAndAdminsSeeTheTechnicalText() throws Exception {
        GeneratedLoans.Batch batch;
        try (Connection connection = Sql.connect()) {
            batch = GeneratedLoans.create(connection, "why-waits-" + System.nanoTime() % 1_000_000, 1,
                    LocalDate.of(2025, 9, 3), 0, 1, true);
        }
        clock.set(ZonedDateTime.of(LocalDate.of(2026, 1, 3), LocalTime.of(9, 0), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        delivery.deliverReady();
        long id = Sql.queryForLong("SELECT id FROM outbox_message WHERE household_id = ? AND state = 'PENDING' "
                + "AND attempts = 1", batch.firstHouseholdId());
        assertTrue(Sql.queryForText("SELECT last_error FROM outbox_message WHERE id = ?", id).contains("ConnectException"),
                "the stored error is the library's");
        ZonedDateTime next = Sql.queryForText("SELECT to_char(next_attempt_at AT TIME ZONE 'Asia/Tokyo', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS') FROM outbox_message WHERE id = ?", id).transform(
                        text -> java.time.LocalDateTime.parse(text).atZone(JapanTime.ZONE));
        String expected = SENTENCE + DateTimeFormatter.ofPattern("H:mm").format(next) + "）";

        Browser browser = new Browser(server.getURI());
        String staff = "Bearer " + logins.bearer(Role.CENTER_STAFF);
        HttpResponse<String> message = browser.get("/outbox/" + id, "Authorization", staff);
        assertEquals(200, message.statusCode());
        assertTrue(message.body().contains(expected), message.body());
        assertFalse(message.body().contains("Exception"), "no exception name for staff");
        assertFalse(message.body().contains("RETRY"), "the attempt's outcome in words");
        assertTrue(message.body().contains("失敗（自動で再送）"), message.body());

        HttpResponse<String> list = browser.get("/reminders?tab=outbox&state=SENDING_OR_RETRYING", "Authorization", staff);
        assertTrue(list.body().contains(SENTENCE), list.body());
        assertFalse(list.body().contains("Exception"), "no exception name for staff in the list either");

        String admin = "Bearer " + logins.bearer(Role.CENTER_ADMIN);
        HttpResponse<String> forAdmin = browser.get("/outbox/" + id, "Authorization", admin);
        assertTrue(forAdmin.body().contains(expected), forAdmin.body());
        assertTrue(forAdmin.body().contains("技術的な詳細（管理者向け）"), forAdmin.body());
        assertTrue(forAdmin.body().contains("ConnectException: Connection refused"), forAdmin.body());
        try (Connection connection = Sql.connect()) {
            GeneratedLoans.remove(connection, batch);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
