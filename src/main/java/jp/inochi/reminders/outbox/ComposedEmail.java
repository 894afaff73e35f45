package jp.inochi.reminders.outbox;

/** An email ready to go: one recipient, a subject, and the same content as plain text and as HTML. */
public record ComposedEmail(String to, String subject, String text, String html) {
}
