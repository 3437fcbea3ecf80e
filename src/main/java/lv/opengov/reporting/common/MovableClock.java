package lv.opengov.reporting.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, running some way ahead of it: the clock of a rehearsal in the demo profile, where a
 * coordinator moves it forward to watch a cycle's weeks pass in minutes, and of the tests. Between moves
 * it runs on, so that what happens in order keeps its order in time; it never moves back, since what
 * was done and recorded by its time would then lie in the future.
 */
public class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock clock = this;
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

    /** How far ahead of the system clock this clock runs. */
    public Duration ahead() {
        return ahead;
    }

    /** Moves the clock to the given moment, never back; answers how far ahead it runs then. */
    public synchronized Duration moveTo(Instant moment) {
        Instant system = Instant.now();
        if (moment.isAfter(system.plus(ahead))) {
            ahead = Duration.between(system, moment);
        }
        return ahead;
    }

    /**
     * Moves this clock and the engine's ({@code ClockUtil}, by which timers fall due and the job
     * executor picks them) to the same moment, the engine's running on from there too; answers how far
     * ahead both run.
     */
    public Duration moveWithEngine(Instant moment) {
        Duration now = moveTo(moment);
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(now.toMillis());
        return now;
    }
}
