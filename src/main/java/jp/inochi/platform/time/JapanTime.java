package jp.inochi.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The program runs on Japan Standard Time: a deadline "day" is a day in Kumamoto. */
public final class JapanTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
