package jp.inochi.testruns;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;
import jp.inochi.testruns.model.TestRunAnswer;
import jp.inochi.testruns.model.TestRunPolicy;

/**
 * The monthly test-run email ({@code mail/testruns/monthly.txt|html}): the child greeted by first name, the day to
 * have run it by, and the two one-click replies. Composed when it is sent: a loan whose return opened meanwhile, a
 * month already answered, consent withdrawn or the address removed sends nothing.
 */
@Singleton
class TestRunMail implements MessageKind<Void> {
    static final String KIND = "test-run.monthly";

    private final TransactionOperations<Connection> transactions;
    private final MailTemplates templates;
    private final TestRunLinks links;
    private final TestRunPolicy policy;
    private final CenterContact center;
    private final Clock clock;

    TestRunMail(TransactionOperations<Connection> transactions, MailTemplates templates, TestRunLinks links,
                TestRunPolicy policy, CenterContact center, Clock clock) {
        this.transactions = transactions;
        this.templates = templates;
        this.links = links;
        this.policy = policy;
        this.center = center;
        this.clock = clock;
    }

    private record Facts(long testRunId, LocalDate month, boolean loanActive, boolean answered, boolean consent,
                         String email, String childGivenName) {
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "毎月の試運転のお願い";
    }

    @Override
    public Composition<Void> compose(OutboxMessage message) {
        Facts facts = transactions.executeRead(status -> facts(status.getConnection(), message.referenceId()));
        String notSent = facts == null ? "試運転の記録が見つかりません"
                : !facts.loanActive() ? "貸与中ではなくなりました（返還手続き・終了）"
                : facts.answered() ? "送信前に試運転の結果を受け付けました"
                : !facts.consent() ? "メール連絡の同意がありません"
                : facts.email() == null ? "メールアドレスが登録されていません" : null;
        if (notSent != null) {
            return Composition.nothingToSend(notSent, null);
        }
        Instant expires = clock.instant().plus(Duration.ofDays(policy.linksValidDays()));
        Map<String, Object> model = Map.of(
                "childName", facts.childGivenName(),
                "testBy", JapaneseDates.withGregorian(policy.testOn(YearMonth.from(facts.month()))),
                "links", Map.of("ok", links.url(TestRunAnswer.OK, facts.testRunId(), expires),
                        "problem", links.url(TestRunAnswer.PROBLEM, facts.testRunId(), expires)),
                "linksExpire", JapaneseDates.withGregorianAndTime(expires),
                "center", center);
        MailTemplates.Rendered rendered = templates.render("testruns/monthly", model);
        String subject = "【" + center.name() + "】今月の発電機の試運転のお願い";
        return Composition.send(new ComposedEmail(facts.email(), subject, rendered.text(), rendered.html()), null);
    }

    private static Facts facts(Connection connection, Long testRunId) throws SQLException {
        if (testRunId == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT t.id, t.asked_month, l.state = 'ACTIVE', t.answer IS NOT NULL, h.email_contact_consent,
                       (SELECT btrim(g.email) FROM guardian g WHERE g.household_id = h.id AND g.email IS NOT NULL
                          AND btrim(g.email) <> '' ORDER BY g.position LIMIT 1),
                       h.child_given_name
                FROM test_run t JOIN loan l ON l.id = t.loan_id JOIN household h ON h.id = t.household_id
                WHERE t.id = ?""")) {
            select.setLong(1, testRunId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Facts(row.getLong(1), row.getObject(2, LocalDate.class), row.getBoolean(3),
                        row.getBoolean(4), row.getBoolean(5), row.getString(6), row.getString(7)) : null;
            }
        }
    }
}
