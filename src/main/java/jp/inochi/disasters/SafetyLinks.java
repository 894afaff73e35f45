package jp.inochi.disasters;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.Reply;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.links.LinkAction;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.reminders.links.LinkToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four one-click replies of the safety-check email: 無事・在宅継続, 避難済み (with where), 電源が必要, 支援が必要
 * (with what). The subject of each link is the family's {@code safety_check}. Opening a link only shows what it
 * answers; pressing the button records the reply once, as a {@code safety_contact} tied to the link's token, and the
 * call list shows it at once. A family can answer again through another link when things change. Once the event is
 * closed, the page says so and records nothing.
 */
@Factory
class SafetyLinks {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyLinks.class);
    static final String SAFE = "safety-safe";
    static final String EVACUATED = "safety-evacuated";
    static final String POWER = "safety-power";
    static final String HELP = "safety-help";

    @Singleton
    @Named(SAFE)
    LinkAction safe(TransactionOperations<Connection> transactions, AuditLog auditLog, CenterContact center,
                          SafetyReplyMeters meters) {
        return new ReplyLink(SAFE, Reply.SAFE_AT_HOME, transactions, auditLog, center, meters);
    }

    @Singleton
    @Named(EVACUATED)
    LinkAction evacuated(TransactionOperations<Connection> transactions, AuditLog auditLog, CenterContact center,
                          SafetyReplyMeters meters) {
        return new ReplyLink(EVACUATED, Reply.EVACUATED, transactions, auditLog, center, meters);
    }

    @Singleton
    @Named(POWER)
    LinkAction power(TransactionOperations<Connection> transactions, AuditLog auditLog, CenterContact center,
                          SafetyReplyMeters meters) {
        return new ReplyLink(POWER, Reply.NEEDS_POWER, transactions, auditLog, center, meters);
    }

    @Singleton
    @Named(HELP)
    LinkAction help(TransactionOperations<Connection> transactions, AuditLog auditLog, CenterContact center,
                          SafetyReplyMeters meters) {
        return new ReplyLink(HELP, Reply.NEEDS_HELP, transactions, auditLog, center, meters);
    }

    /** The safety check a link is about: its event and household, and the family's latest reply so far. */
    private record Check(long id, long eventId, long householdId, String eventName, boolean eventActive,
                         @Nullable Reply latestReply, @Nullable Instant latestAt) {
    }

    private record ReplyLink(String name, Reply reply, TransactionOperations<Connection> transactions,
                             AuditLog auditLog, CenterContact center, SafetyReplyMeters meters) implements LinkAction {

        @Override
        public Page page(LinkToken token) {
            Check check = check(token);
            if (!check.eventActive()) {
                return closed(check);
            }
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("「" + check.eventName() + "」の安否確認に、次のとおり回答します：「" + reply.label() + "」");
            if (check.latestReply() != null) {
                paragraphs.add("これまでのご回答：「" + check.latestReply().label() + "」（" + JapaneseDates.withGregorianAndTime(check.latestAt())
                        + "）。状況が変わった場合は、このまま回答してください。");
            }
            switch (reply) {
                case EVACUATED -> paragraphs.add("避難先（避難所の名前、親戚の家など）を連絡事項にお書きください。");
                case NEEDS_POWER -> paragraphs.add("センターまたはお住まいの市町村から、電源の確保についてご連絡します。"
                        + "残りの電源の時間など、伝えたいことがあれば連絡事項にお書きください。");
                case NEEDS_HELP -> paragraphs.add("必要な支援の内容（物資、移動、医療機器のことなど）を連絡事項にお書きください。");
                default -> paragraphs.add("ご無事とのこと、安心しました。引き続き、気象情報や自治体の避難情報にご注意ください。");
            }
            paragraphs.add("命に関わる緊急の場合は、ためらわずに119番へ通報してください。");
            return new Page("安否確認への回答：" + reply.label(), paragraphs, "「" + reply.label() + "」と回答する",
                    true);
        }

        @Override
        public Page apply(LinkToken token, @Nullable String comment, Instant at) {
            Check check;
            try {
                check = check(transactions.getConnection(), token);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read safety check " + token.subjectId(), e);
            }
            if (!check.eventActive()) {
                return closed(check);
            }
            long contactId;
            try (PreparedStatement insert = transactions.getConnection().prepareStatement("""
                    INSERT INTO safety_contact (event_id, household_id, safety_check_id, method, outcome, reply, detail,
                                                token_id, contacted_at, recorded_at)
                    VALUES (?, ?, ?, 'EMAIL_LINK', 'REPLIED', ?, ?, ?, ?, ?) RETURNING id""")) {
                insert.setLong(1, check.eventId());
                insert.setLong(2, check.householdId());
                insert.setLong(3, check.id());
                insert.setString(4, reply.name());
                insert.setString(5, comment);
                insert.setString(6, token.id());
                insert.setTimestamp(7, Timestamp.from(at));
                insert.setTimestamp(8, Timestamp.from(at));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    contactId = row.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record the safety reply of check " + check.id(), e);
            }
            auditLog.system(AuditAction.CREATE, "/family/links", "safety_contact", contactId, check.householdId(),
                    "安否確認の回答（メールのリンク）: " + reply.name() + " event " + check.eventId());
            LOG.info("Safety reply {} recorded for check {} of event {}", reply, check.id(), check.eventId());
            meters.replied(reply, ContactMethod.EMAIL_LINK);
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("「" + reply.label() + "」とのご回答を受け付けました。ありがとうございます。");
            if (reply.needsAction()) {
                paragraphs.add("センターまたはお住まいの市町村から、できるだけ早くご連絡します。");
            }
            paragraphs.add("状況が変わったときは、メールの別のリンクからもう一度お知らせください。");
            paragraphs.add("急ぎのご相談は " + center.name() + "（電話 " + center.phone() + "）へ。命に関わる緊急の場合は119番へ。");
            return Page.done("ご回答を受け付けました", paragraphs);
        }

        private Page closed(Check check) {
            return Page.done("この安否確認は終了しました", List.of("「" + check.eventName() + "」の安否確認は終了したため、"
                    + "このリンクからの回答は受け付けていません。", "ご相談は " + center.name() + "（電話 " + center.phone()
                    + "）へお問い合わせください。命に関わる緊急の場合は119番へ。"));
        }

        private Check check(LinkToken token) {
            return transactions.executeRead(status -> check(status.getConnection(), token));
        }

        private static Check check(Connection connection, LinkToken token) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT s.id, s.event_id, s.household_id, e.name, e.state = 'ACTIVE', lr.reply, lr.contacted_at
                    FROM safety_check s JOIN disaster_event e ON e.id = s.event_id
                    LEFT JOIN LATERAL (SELECT c.reply, c.contacted_at FROM safety_contact c
                                       WHERE c.event_id = s.event_id AND c.household_id = s.household_id
                                         AND c.reply IS NOT NULL
                                       ORDER BY c.contacted_at DESC, c.id DESC LIMIT 1) lr ON true
                    WHERE s.id = ?""")) {
                select.setLong(1, token.subjectId());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new LinkRefusedException(LinkRefusal.NOT_FOUND, null);
                    }
                    Timestamp latest = row.getTimestamp(7);
                    return new Check(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4),
                            row.getBoolean(5), row.getString(6) == null ? null : Reply.valueOf(row.getString(6)),
                            latest == null ? null : latest.toInstant());
                }
            }
        }
    }
}
