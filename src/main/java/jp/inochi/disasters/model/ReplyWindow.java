package jp.inochi.disasters.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a safety check waits for the families' replies. The form asks in minutes, so the refusal says minutes
 * too, with the hours beside the longest one.
 */
public final class ReplyWindow {
    public static final Duration SHORTEST = Duration.ofMinutes(15);
    public static final Duration LONGEST = Duration.ofHours(72);

    private ReplyWindow() {
    }

    /** Why {@code window} is refused, in the form's unit; empty when it is allowed. */
    public static Optional<String> refusal(Duration window) {
        if (window.compareTo(SHORTEST) >= 0 && window.compareTo(LONGEST) <= 0) {
            return Optional.empty();
        }
        return Optional.of("回答の期限は" + SHORTEST.toMinutes() + "分から" + LONGEST.toMinutes() + "分（"
                + LONGEST.toHours() + "時間）までの分数で入力してください");
    }
}
