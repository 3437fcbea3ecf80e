package lv.opengov.reporting.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, which a test may move forward so that timers fire on their day instead of the
 * test waiting for it. Between moves it runs on, so that what happens in order keeps its order in
 * time; it is never moved back, since the tests of one application context share it.
 */
public final class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock clock = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    /** Moves the clock to the given moment, never back. */
    public synchronized void moveTo(Instant moment) {
        Instant system = Instant.now();
        if (moment.isAfter(system.plus(ahead))) {
            ahead = Duration.between(system, moment);
        }
    }
}
