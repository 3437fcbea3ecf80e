package lv.opengov.reporting.cycle;

import lv.opengov.reporting.cycle.internal.ReportingCycleRepository;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the cycle's mails go out and its timers fire. Used by the reporting-cycle model's timer
 * expressions ({@code ${cycleSchedule.nextNoticeFor(execution)}}), so that a deadline moved by a
 * coordinator moves the timers with it. The cycle is the one the process's business key names; the
 * methods that take a cycle's id serve instances of the model's earlier versions, which pass the id
 * they stored.
 *
 * <p>A "notice date" is a working day on which something is due: a reminder digest a configured
 * number of working days before some open report's deadline, or an overdue notice the working day
 * after it. Mails go out only on working days, at 09:00 in the service's zone. Notice dates are
 * processed one at a time, in order, and remembered, so a late timer catches up without repeating.
 */
@Component("cycleSchedule")
public class CycleSchedule {

    private final CycleProperties properties;
    private final ReportingCycleRepository cycles;
    private final ReportService reports;
    private final lv.opengov.reporting.report.ContributionService contributions;
    private final ServiceZone zone;
    private final LatvianCalendar calendar;

    CycleSchedule(CycleProperties properties, ReportingCycleRepository cycles, ReportService reports, ServiceZone zone,
            LatvianCalendar calendar, lv.opengov.reporting.report.ContributionService contributions) {
        this.contributions = contributions;
        this.calendar = calendar;
        this.properties = properties;
        this.cycles = cycles;
        this.reports = reports;
        this.zone = zone;
    }

    /**
     * The reminder dates for a deadline, counted in working days before it, after the invitation date,
     * earliest first.
     */
    public List<LocalDate> reminderDates(LocalDate deadline, LocalDate invitationDate) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int days : properties.reminderDaysBefore()) {
            LocalDate date = calendar.minusWorkingDays(deadline, days);
            if (date.isAfter(invitationDate)) {
                dates.add(date);
            }
        }
        return List.copyOf(dates);
    }

    /**
     * When contributions to a report due on the given day are due: the configured number of working
     * days before it, or the report's own deadline when that day has passed already.
     */
    public LocalDate contributionDueDate(LocalDate reportDue) {
        LocalDate date = calendar.minusWorkingDays(reportDue, properties.contributionDaysBefore());
        return date.isBefore(today()) ? reportDue : date;
    }

    /** The day the overdue notice for a deadline goes out: the next working day after it. */
    public LocalDate overdueNoticeDate(LocalDate deadline) {
        return calendar.plusWorkingDays(deadline, 1);
    }

    /** The first working day on or after the invitation date. */
    public LocalDate invitationDay(LocalDate invitationDate) {
        return calendar.onOrAfter(invitationDate);
    }

    public LocalDate today() {
        return zone.today();
    }

    public Date at(LocalDate date) {
        return Date.from(zone.at(date, properties.noticeTime()));
    }

    /** The moment invitations go out: 09:00 on the invitation date (at once when that has passed). */
    public Date invitationFor(DelegateExecution execution) {
        return invitationAt(cycleIdOf(execution));
    }

    public Date legalDeadlineFor(DelegateExecution execution) {
        return legalDeadlineAt(cycleIdOf(execution));
    }

    public Date followUpAgainFor(DelegateExecution execution) {
        return followUpAgainAt(cycleIdOf(execution));
    }

    public boolean hasNoticesLeftFor(DelegateExecution execution) {
        return hasNoticesLeft(cycleIdOf(execution));
    }

    public Date nextNoticeFor(DelegateExecution execution) {
        return nextNoticeAt(cycleIdOf(execution));
    }

    public Date invitationAt(Long cycleId) {
        return at(invitationDay(cycle(cycleId).getInvitationDate()));
    }

    public Date legalDeadlineAt(Long cycleId) {
        return at(cycle(cycleId).getLegalDeadline());
    }

    public Date followUpAgainAt(Long cycleId) {
        return at(calendar.plusWorkingDays(today(), properties.followUpIntervalDays()));
    }

    public boolean hasNoticesLeft(Long cycleId) {
        return nextNoticeDate(cycleId).isPresent();
    }

    /** 09:00 of the next notice date; a date already past makes the timer fire at once. */
    public Date nextNoticeAt(Long cycleId) {
        LocalDate date = nextNoticeDate(cycleId).orElseThrow(
                () -> new IllegalStateException("Cycle " + cycleId + " has no notice left to send"));
        // a date already past is caught up on the next working day, never on a day off
        LocalDate firstWorkingDay = calendar.onOrAfter(today());
        return at(date.isBefore(firstWorkingDay) ? firstWorkingDay : date);
    }

    /**
     * The day the overview's approval is due: the configured number of working days after the day it
     * opened. Set by whichever of the task's due date and its timers asks first, and kept until reports
     * are sent back from it; the next approval counts afresh.
     */
    public LocalDate approvalDueDate(Long cycleId) {
        ReportingCycle cycle = cycle(cycleId);
        if (cycle.getApprovalDueDate() == null) {
            cycle.approvalDue(calendar.plusWorkingDays(today(), properties.approvalDays()));
        }
        return cycle.getApprovalDueDate();
    }

    /** approve-consolidation's due date: the notice time of its due day. */
    public Date approvalDueFor(DelegateExecution execution) {
        return at(approvalDueDate(cycleIdOf(execution)));
    }

    /** When every coordinator is reminded of an approval still open: the notice time of its due day. */
    public Date approvalReminderFor(DelegateExecution execution) {
        return approvalDueFor(execution);
    }

    /** When an approval still open is escalated: the notice time of the working day after its due day. */
    public Date approvalEscalationFor(DelegateExecution execution) {
        return at(calendar.plusWorkingDays(approvalDueDate(cycleIdOf(execution)), 1));
    }

    /** The due date of a report sent back at approval: the configured number of working days from today. */
    public LocalDate correctionDueDate() {
        return calendar.plusWorkingDays(today(), properties.correctionDays());
    }

    /** The earliest notice date not yet processed, for the reports and contributions still owed. */
    public Optional<LocalDate> nextNoticeDate(Long cycleId) {
        ReportingCycle cycle = cycle(cycleId);
        LocalDate done = cycle.getNoticesDoneThrough() != null ? cycle.getNoticesDoneThrough()
                : cycle.getInvitationDate();
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<LocalDate> deadlines = new TreeSet<>(reports.openDueDates(cycleId));
        deadlines.addAll(contributions.openDueDates(cycleId));
        for (LocalDate deadline : deadlines) {
            dates.addAll(reminderDates(deadline, cycle.getInvitationDate()));
            dates.add(overdueNoticeDate(deadline));
        }
        return Optional.ofNullable(dates.higher(done));
    }

    private static Long cycleIdOf(DelegateExecution execution) {
        return ReportingCycleProcess.cycleIdOf(execution.getProcessBusinessKey());
    }

    private ReportingCycle cycle(Long cycleId) {
        return cycles.findById(cycleId).orElseThrow(() -> new IllegalStateException("No cycle " + cycleId));
    }
}
