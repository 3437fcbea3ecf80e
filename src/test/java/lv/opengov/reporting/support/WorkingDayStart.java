package lv.opengov.reporting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.common.ServiceZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/**
 * For the tests that let the job executor run a cycle on the wall clock: a cycle started on a day off
 * sends its invitations on the next working day, so that such a test, run on a weekend or a holiday in
 * Riga, would wait in vain. When today is no working day, both clocks move to five past midnight of the
 * next one: the application's {@link TestClock} and the engine's (whose job executor fires what is due
 * by it). {@link #close} gives the engine its own clock back; the application's clock, shared by its
 * context, only ever moves forward.
 */
public final class WorkingDayStart implements AutoCloseable {

    private final boolean moved;

    private WorkingDayStart(boolean moved) {
        this.moved = moved;
    }

    /** Moves the clocks of the context's application and engine to a working day, when today is none. */
    public static WorkingDayStart in(ApplicationContext context) {
        ServiceZone zone = context.getBean(ServiceZone.class);
        LatvianCalendar calendar = context.getBean(LatvianCalendar.class);
        LocalDate today = zone.today();
        LocalDate workingDay = calendar.onOrAfter(today);
        if (workingDay.equals(today)) {
            return new WorkingDayStart(false);
        }
        Instant target = zone.at(workingDay, LocalTime.of(0, 5));
        context.getBean(TestClock.class).moveWithEngine(target);
        return new WorkingDayStart(true);
    }

    @Override
    public void close() {
        if (moved) {
            ClockUtil.reset();
        }
    }
}
