package jp.inochi.disasters.model;

import java.time.Instant;
import jp.inochi.lifecycle.Labelled;

/**
 * Where a family stands in an event's safety confirmation (安否確認; seed 002, line 6402: a safety-confirmation
 * network is one of the prefecture's tasks): its latest reply if it gave one; otherwise waiting for a reply until the
 * campaign's reply time, then unreached (to be called). A family the email can't reach (no consent, no address, the
 * email given up) is unreached at once: nobody waits for a reply that can't come.
 */
public enum SafetyStatus implements Labelled {
    NOT_CONTACTED("未連絡", "#9e9e9e"),
    AWAITING_REPLY("回答待ち", "#42a5f5"),
    UNREACHED("未確認（要電話）", "#8e24aa"),
    SAFE_AT_HOME("無事・在宅継続", "#2e7d32"),
    EVACUATED("避難済み", "#00897b"),
    NEEDS_POWER("電源が必要", "#e65100"),
    NEEDS_HELP("支援が必要", "#c62828");

    private final String label;
    private final String colour;

    SafetyStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    @Override
    public String label() {
        return label;
    }

    /** The map colour (colour-blind-safe pairs are told apart by label too). */
    public String colour() {
        return colour;
    }

    /** The email of the safety check, as far as the family is concerned. */
    public enum Email { NONE, QUEUED, SENT, NOT_EMAILED, FAILED, CANCELLED }

    /** What is known about one family: its latest reply (or null), its safety-check email and its reply time. */
    public record Facts(Reply latestReply, Email email, Instant replyDueAt) {
    }

    public static SafetyStatus of(Facts facts, Instant now) {
        if (facts.latestReply() != null) {
            return valueOf(facts.latestReply().name());
        }
        if (facts.email() == Email.NONE) {
            return NOT_CONTACTED;
        }
        if (facts.email() == Email.NOT_EMAILED || facts.email() == Email.FAILED
                || facts.email() == Email.CANCELLED || !now.isBefore(facts.replyDueAt())) {
            return UNREACHED;
        }
        return AWAITING_REPLY;
    }

    public boolean replied() {
        return this == SAFE_AT_HOME || this == EVACUATED || this == NEEDS_POWER || this == NEEDS_HELP;
    }
}
