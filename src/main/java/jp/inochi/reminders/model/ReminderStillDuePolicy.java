package jp.inochi.reminders.model;

import java.util.Optional;

/**
 * Checked again at send time, because hours or days may pass between the sweep and the email: a family that has
 * applied for the 個別避難計画 (seed 000, line 540) or whose loan ended (line 503) must not be reminded. The classic
 * stale-reminder bug of lending systems is a reminder decided at sweep time and sent as decided.
 */
public final class ReminderStillDuePolicy {

    private ReminderStillDuePolicy() {
    }

    /** What the database says now about one reminder's loan, obligation and family. */
    public record Facts(Recipient recipient, boolean loanActive, boolean obligationStillOpenWithSameDueDate,
                        boolean familyReportedIt, boolean emailConsent, boolean hasEmailAddress) {
    }

    /** Empty when the reminder is still to be sent; otherwise why not. */
    public static Optional<NotSentBecause> reasonNotToSend(Facts facts) {
        if (!facts.loanActive()) {
            return Optional.of(NotSentBecause.LOAN_NOT_ACTIVE);
        }
        if (!facts.obligationStillOpenWithSameDueDate()) {
            return Optional.of(NotSentBecause.OBLIGATION_DONE);
        }
        if (facts.recipient() == Recipient.STAFF) {
            return Optional.empty();
        }
        if (facts.familyReportedIt()) {
            return Optional.of(NotSentBecause.FAMILY_REPORTED);
        }
        if (!facts.emailConsent()) {
            return Optional.of(NotSentBecause.NO_CONSENT);
        }
        if (!facts.hasEmailAddress()) {
            return Optional.of(NotSentBecause.NO_ADDRESS);
        }
        return Optional.empty();
    }
}
