package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.InvalidInputException;

/**
 * Before the safety-check emails go: the email as a family will receive it (a sample household's real values), how
 * many families get it and how many can't be emailed (they start on the phone list). The start asks for the preview's
 * {@code confirmation}, which names those counts, so nothing is sent unseen and never to more families than previewed.
 */
@Singleton
public class SafetyCheckPreview {
    private final TransactionOperations<Connection> transactions;
    private final SafetyCheckMail mail;
    private final AuditLog auditLog;
    private final Clock clock;

    SafetyCheckPreview(TransactionOperations<Connection> transactions, SafetyCheckMail mail, AuditLog auditLog,
                       Clock clock) {
        this.transactions = transactions;
        this.mail = mail;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The email and the counts; {@code confirmation} is what the start must be given. */
    @Serdeable
    public record Preview(long eventId, long households, long emailed, long notEmailed,
                          @Nullable Long sampleHouseholdId, @Nullable String sampleTo,
                          @Nullable String subject, @Nullable String text, String confirmation) {
    }

    /** Who the campaign would reach now. */
    record Counts(long households, long emailed, @Nullable Long sampleHouseholdId) {
        long notEmailed() {
            return households - emailed;
        }

        /** Names the counts, so a start after the families changed is refused instead of sending unseen. */
        String confirmation() {
            return "送信" + emailed + "-対象" + households;
        }
    }

    /** The same rule as the start's: the view household_email_reach (V216). */
    private static final String COUNTS = """
            SELECT count(*), count(*) FILTER (WHERE r.can_be_emailed), min(r.household_id) FILTER (WHERE r.can_be_emailed)
            FROM disaster_event_household eh JOIN household_email_reach r ON r.household_id = eh.household_id
            WHERE eh.event_id = ?""";

    static Counts counts(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNTS)) {
            select.setLong(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2), (Long) row.getObject(3));
            }
        }
    }

    /** Refuses a start that was not previewed, or whose families changed since. Joins the caller's transaction. */
    static void requireConfirmed(Connection connection, long eventId, @Nullable String confirmation) throws SQLException {
        if (confirmation == null || confirmation.isBlank()) {
            throw new InvalidInputException("confirmation",
                    "送信の前にプレビューでメールの文面と件数を確認してください（確認の印がありません）");
        }
        Counts now = counts(connection, eventId);
        if (!now.confirmation().equals(confirmation.strip())) {
            throw new ConflictException("プレビューの後で対象の家族が変わりました（いまはメール " + now.emailed()
                    + " 世帯、メールで連絡できない " + now.notEmailed() + " 世帯）。もう一度プレビューを確認してください");
        }
    }

    public Preview preview(Viewer viewer, DisasterEvent event, Duration replyWithin, @Nullable String message,
                           String resource) {
        SafetyChecks.checkWait(replyWithin);
        Instant now = clock.instant();
        // read first, then sign the links outside the read-only transaction (the signing key may be written once)
        Object[] read = transactions.executeRead(status -> {
            Counts counts = counts(status.getConnection(), event.id());
            return new Object[] {counts, counts.sampleHouseholdId() == null ? null
                    : sample(status.getConnection(), counts.sampleHouseholdId())};
        });
        Counts counts = (Counts) read[0];
        String[] sample = (String[]) read[1];
        Preview preview;
        if (sample == null) {
            preview = new Preview(event.id(), counts.households(), 0, counts.notEmailed(), null, null, null, null,
                    counts.confirmation());
        } else {
            SafetyCheckMail.Letter letter = mail.letter(new SafetyCheckMail.Values(sample[0], event.name(),
                    event.eventType(), SafetyChecks.normalised(message), now.plus(replyWithin),
                    now.plus(SafetyChecks.LINKS_VALID)), 0);
            preview = new Preview(event.id(), counts.households(), counts.emailed(), counts.notEmailed(),
                    counts.sampleHouseholdId(), sample[1], letter.subject(), letter.text(), counts.confirmation());
        }
        if (preview.sampleHouseholdId() != null) {
            // the sample family's name and address were shown
            auditLog.householdsRead(viewer, resource,
                    List.of(new HouseholdAccess(preview.sampleHouseholdId(), AccessBasis.CENTER)));
        }
        return preview;
    }

    /** The sample family's child's given name and the address the email would go to. */
    private static String[] sample(Connection connection, long householdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT h.child_given_name, r.email
                FROM household h JOIN household_email_reach r ON r.household_id = h.id WHERE h.id = ?""")) {
            select.setLong(1, householdId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new String[] {row.getString(1), row.getString(2)};
            }
        }
    }
}
