package jp.inochi.reminders.outbox;

/**
 * A kind of email in the outbox, contributed by a feature as a bean (the reminders' family and staff digests; the
 * disaster-day safety check later). The outbox owns claiming, sending, retrying, giving up and the staff's view; the
 * kind owns what the email says, decided at send time from the current state of what it is about.
 *
 * <p>Every callback except {@link #compose} runs inside the outbox's transaction: repositories and
 * {@code TransactionOperations#getConnection()} join it, so the kind's own rows change together with the message's.
 *
 * @param <D> what {@link #compose} found out, handed back to {@link #sent} / {@link #cancelled} (e.g. which items
 *            went into the email and which were dropped, with the reason)
 */
public interface MessageKind<D> {

    /** The {@code kind} column, e.g. {@code reminder.family-digest}: lower case, dots and dashes. */
    String name();

    /** What staff read for this kind in the outbox, in Japanese, e.g. 「ご家族へのお知らせ」. */
    String label();

    /** The message was just claimed for an attempt: bind the items it carries (nothing by default). */
    default void claimed(OutboxMessage message) {
    }

    /**
     * What to send now, re-reading the state (no transaction of the outbox is open; read only). An empty composition
     * cancels the message with its reason: there is nothing left to say.
     */
    Composition<D> compose(OutboxMessage message);

    /** The SMTP server accepted it. */
    default void sent(OutboxMessage message, Composition<D> composition) {
    }

    /** Nothing was left to send, so it was not sent. */
    default void cancelled(OutboxMessage message, Composition<D> composition) {
    }

    /** The last attempt failed (or the address was refused for good): the outbox tells the center. */
    default void gaveUp(OutboxMessage message) {
    }
}
