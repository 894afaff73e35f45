package jp.inochi.testsupport;

/**
 * The suite's classes share one database and its outbox. A class that reads its own staff digests calls this before each
 * test: emails other classes left waiting are cancelled (so no other class's digest claims this one's items), and their
 * staff digests give up their day (one digest a day), so this class's digest of the same day goes to its own mail server.
 */
public final class SharedOutbox {

    private SharedOutbox() {
    }

    public static void setAsideWhatOtherClassesLeft() throws Exception {
        Sql.update("UPDATE outbox_message SET state = 'CANCELLED', claimed_by = NULL, lease_until = NULL "
                + "WHERE state IN ('PENDING', 'SENDING')");
        Sql.update("UPDATE outbox_message SET dedupe_key = dedupe_key || ':set-aside:' || id "
                + "WHERE kind = 'reminder.staff-digest' AND dedupe_key NOT LIKE '%:set-aside:%'");
    }
}
