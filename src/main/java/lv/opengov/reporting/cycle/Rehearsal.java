package lv.opengov.reporting.cycle;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.ConflictException;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.MovableClock;
import lv.opengov.reporting.common.ServiceZone;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * A rehearsal of the demo profile: a coordinator moves the application's time forward and watches a
 * cycle's weeks (invitation, reminder digests, overdue notice, legal-deadline follow-up) pass in
 * minutes. Two clocks move together: the application's ({@link MovableClock}, by which "today" is
 * reckoned and mails are dated) and the engine's ({@code ClockUtil}, by which timers fall due and the
 * job executor picks them up). Both keep running after a move, and neither ever moves back.
 *
 * <p>How far ahead they run is kept in the engine's property table, so that a restart resumes the
 * rehearsal where it was rather than sending the application back to days it has already lived
 * through. No bean of this class exists outside the demo profile: there the clocks cannot be moved.
 */
@Service
@Profile("demo")
public class Rehearsal {

    /** The engine property that keeps how far ahead the clocks run, as an ISO-8601 duration. */
    static final String AHEAD_PROPERTY = "reporting.rehearsal.ahead";

    /** The longest single move: far enough for any cycle, short of a typing slip that costs years. */
    static final Duration LONGEST_MOVE = Duration.ofDays(366);

    private static final Logger log = LoggerFactory.getLogger(Rehearsal.class);

    private final MovableClock clock;
    private final ServiceZone zone;
    private final LatvianCalendar calendar;
    private final CycleQuery cycles;
    private final ManagementService managementService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final MessageSource messages;

    Rehearsal(MovableClock clock, ServiceZone zone, LatvianCalendar calendar, CycleQuery cycles,
            ManagementService managementService, ProcessEngineConfigurationImpl engineConfiguration,
            MessageSource messages) {
        this.clock = clock;
        this.zone = zone;
        this.calendar = calendar;
        this.cycles = cycles;
        this.managementService = managementService;
        this.engineConfiguration = engineConfiguration;
        this.messages = messages;
    }

    /**
     * A move: exactly one of a day to move to ({@code to}, at the present time of day), a duration
     * ({@code by}, ISO-8601 such as {@code P1D}), a number of working days ({@code workingDays}), or the
     * next event of a cycle ({@code next} with {@code cycleId}).
     */
    public record Move(String to, String by, Integer workingDays, Boolean next, Long cycleId) {
    }

    /** The application's time: the moment, its date and time in the service's zone, how far ahead it runs. */
    public record Time(Instant now, LocalDateTime localTime, String ahead) {
    }

    /** Puts the clocks where the rehearsal left them before the last stop. */
    @PostConstruct
    void resume() {
        String kept = managementService.getProperties().get(AHEAD_PROPERTY);
        if (kept == null) {
            return;
        }
        Duration ahead = clock.moveWithEngine(Instant.now().plus(Duration.parse(kept)));
        log.info("Rehearsal: the clocks run {} ahead of the system clock", ahead);
    }

    public Time now() {
        Instant now = clock.instant();
        return new Time(now, LocalDateTime.ofInstant(now, zone.id()), clock.ahead().toString());
    }

    /** Moves both clocks as the request says, or refuses it and moves nothing. */
    public synchronized Time move(Move move, String user) {
        Instant target = target(move);
        Duration ahead = clock.moveWithEngine(target);
        managementService.setProperty(AHEAD_PROPERTY, ahead.toString());
        // the job executor may be waiting a while before it looks again: what fell due fires now
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.jobWasAdded();
        }
        log.info("Rehearsal: {} moved the clocks to {} ({} ahead)", user, zone.local(target), ahead);
        return now();
    }

    private Instant target(Move move) {
        int given = (given(move.to()) ? 1 : 0) + (given(move.by()) ? 1 : 0) + (move.workingDays() != null ? 1 : 0)
                + (Boolean.TRUE.equals(move.next()) ? 1 : 0);
        if (given != 1) {
            throw refused(List.of(problem("move", "rehearsal.move.one")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Instant now = clock.instant();
        ZonedDateTime local = zone.local(now);
        Instant latest = now.plus(LONGEST_MOVE);
        Instant target = null;
        if (given(move.to())) {
            LocalDate day = InputDates.read("to", move.to(), problems, messages);
            if (day != null && !day.isAfter(local.toLocalDate())) {
                problems.add(problem("to", "rehearsal.to.not-after-today", local.toLocalDate()));
            } else if (day != null) {
                target = within("to", zone.at(day, local.toLocalTime()), latest, problems);
            }
        } else if (given(move.by())) {
            Duration by = duration(move.by());
            if (by == null) {
                problems.add(problem("by", "rehearsal.by.invalid", move.by()));
            } else {
                target = within("by", by.compareTo(LONGEST_MOVE) > 0 ? null : now.plus(by), latest, problems);
            }
        } else if (move.workingDays() != null) {
            int days = move.workingDays();
            if (days < 1) {
                problems.add(problem("workingDays", "rehearsal.working-days.invalid"));
            } else {
                target = within("workingDays", days > LONGEST_MOVE.toDays() ? null
                        : zone.at(calendar.plusWorkingDays(local.toLocalDate(), days), local.toLocalTime()),
                        latest, problems);
            }
        } else if (move.cycleId() == null) {
            problems.add(problem("cycleId", "rehearsal.cycle.required"));
        } else {
            // the next event is where the cycle goes, however far
            target = nextEventOf(move.cycleId());
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return target;
    }

    /** The target, or null with the field's problem when it (null: beyond reckoning) lies past the longest move. */
    private Instant within(String field, Instant target, Instant latest, List<FieldProblem> problems) {
        if (target != null && !target.isAfter(latest)) {
            return target;
        }
        problems.add(problem(field, "rehearsal.too-far", zone.local(latest).toLocalDate()));
        return null;
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    /**
     * When the cycle's process next waits for: its earliest timer (the invitation date, the next
     * reminder or overdue notice, the legal deadline, the follow-up, the approval's reminder), leaving
     * out a timer that failed for good (an incident in Cockpit). Refused while the process still has work
     * due, since the timer it waits for next may not exist yet.
     */
    private Instant nextEventOf(Long cycleId) {
        ReportingCycle cycle = cycles.find(cycleId);
        String instanceId = cycle.getProcessInstanceId();
        if (instanceId != null
                && managementService.createJobQuery().rootProcessInstanceId(instanceId).executable().count() > 0) {
            throw new ConflictException(message("rehearsal.cycle.busy", cycle.getName()));
        }
        List<Job> timers = instanceId == null ? List.of() : managementService.createJobQuery()
                .rootProcessInstanceId(instanceId).timers().withRetriesLeft()
                .orderByJobDuedate().asc().listPage(0, 1);
        if (timers.isEmpty()) {
            throw new ConflictException(message("rehearsal.cycle.nothing-waiting", cycle.getName()));
        }
        return timers.get(0).getDuedate().toInstant();
    }

    /** A positive ISO-8601 duration, or null. */
    private static Duration duration(String text) {
        try {
            Duration duration = Duration.parse(text.strip());
            return duration.isNegative() || duration.isZero() ? null : duration;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private InvalidInputException refused(List<FieldProblem> problems) {
        return new InvalidInputException("clock not moved", problems);
    }

    private FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, message(code, args));
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
