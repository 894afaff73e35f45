package jp.inochi.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import jp.inochi.platform.time.JapanTime;

/** A real clock that tests can set and move; it stands still between moves, so results are repeatable. */
public final class MovableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this.now = start;
        this.zone = JapanTime.ZONE;
    }

    /** Sets the time to the given day in Japan, at 09:00. */
    public void setDate(LocalDate date) {
        now = ZonedDateTime.of(date, LocalTime.of(9, 0), JapanTime.ZONE).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        if (newZone.equals(zone)) {
            return this;
        }
        MovableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId otherZone) {
                return parent.withZone(otherZone);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
