package jp.inochi.disasters.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The one badge that says a family's own power will not last: shown only where it is true, that is where the power
 * they have is less than the outage the event expects (72 hours while nobody knows when it comes back), with that
 * threshold beside it, so a row without it is a family that lasts.
 */
public final class PowerShortfall {
    private PowerShortfall() {
    }

    /** The hours the event expects the power to stay out, or 72 when the restoration is unknown. */
    public static BigDecimal thresholdHours(Double expectedOutageHours) {
        return expectedOutageHours == null ? PowerAutonomy.MINIMUM_HOURS
                : BigDecimal.valueOf(expectedOutageHours).setScale(0, RoundingMode.CEILING);
    }

    /** 「停電の見込み48時間未満」 when {@code totalHours} falls short of the threshold; empty when it lasts. */
    public static Optional<String> badge(BigDecimal totalHours, Double expectedOutageHours) {
        BigDecimal threshold = thresholdHours(expectedOutageHours);
        if (totalHours.compareTo(threshold) >= 0) {
            return Optional.empty();
        }
        return Optional.of((expectedOutageHours == null ? "72時間（復旧見込み不明）" : "停電の見込み" + threshold.toPlainString() + "時間")
                + "未満");
    }
}
