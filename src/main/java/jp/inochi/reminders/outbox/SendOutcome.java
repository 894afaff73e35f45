package jp.inochi.reminders.outbox;

/** How one claimed message's attempt ended, as {@link OutboxDelivery} counts it. */
enum SendOutcome {
    SENT,
    RETRY,
    /** A retry because the mail server could not be reached at all: the rest of the batch is not tried. */
    UNREACHABLE,
    GAVE_UP,
    CANCELLED,
    /** Another instance took the message over (this one's lease ran out): nothing recorded here. */
    LOST_CLAIM
}
