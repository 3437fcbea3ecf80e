package lv.opengov.reporting.refresh;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.common.ServiceZone;
import org.springframework.stereotype.Component;

/**
 * The dates of the plan-refresh model's timers and due dates, at 09:00 in the service's zone, for the refresh
 * of the asking process (its business key).
 */
@Component("refreshSchedule")
public class RefreshSchedule {

    private final RefreshQuery refreshes;
    private final lv.opengov.reporting.cycle.CycleSchedule cycleSchedule;
    private final LatvianCalendar calendar;
    private final ServiceZone zone;
    private final RefreshProperties properties;

    RefreshSchedule(RefreshQuery refreshes, lv.opengov.reporting.cycle.CycleSchedule cycleSchedule,
            LatvianCalendar calendar, ServiceZone zone, RefreshProperties properties) {
        this.properties = properties;
        this.refreshes = refreshes;
        this.cycleSchedule = cycleSchedule;
        this.calendar = calendar;
        this.zone = zone;
    }

    public Date scheduleDueFor(DelegateExecution execution) {
        return scheduleDueAt(RefreshProcessBeans.refreshId(execution));
    }

    public Date scheduleReminderFor(DelegateExecution execution) {
        return scheduleReminderAt(RefreshProcessBeans.refreshId(execution));
    }

    public Date coCreationEndFor(DelegateExecution execution) {
        return coCreationEndedAt(RefreshProcessBeans.refreshId(execution));
    }

    public Date submissionDueFor(DelegateExecution execution) {
        return submissionDueAt(RefreshProcessBeans.refreshId(execution));
    }

    public Date submissionReminderFor(DelegateExecution execution, int daysBefore) {
        return submissionReminderAt(RefreshProcessBeans.refreshId(execution), daysBefore);
    }

    /** respond-to-opinions is due the configured days before the OGP deadline. */
    public Date respondDueFor(DelegateExecution execution) {
        return cycleSchedule.at(beforeDeadline(RefreshProcessBeans.refreshId(execution), properties.respondDaysBefore()));
    }

    /** update-plan is due the configured days before the OGP deadline. */
    public Date updateDueFor(DelegateExecution execution) {
        return cycleSchedule.at(beforeDeadline(RefreshProcessBeans.refreshId(execution), properties.updateDaysBefore()));
    }

    /**
     * The first of the notices on the OGP deadline: the earliest reminder date (at once when that has
     * passed). The notices go to whichever task of the refresh is open then.
     */
    public Date firstDeadlineNoticeFor(DelegateExecution execution) {
        return cycleSchedule.at(deadlineNoticeDates(RefreshProcessBeans.refreshId(execution)).first());
    }

    /** Whether a notice on the OGP deadline is still ahead, after today's. */
    public boolean hasDeadlineNoticeLeftFor(DelegateExecution execution) {
        return deadlineNoticeDates(RefreshProcessBeans.refreshId(execution)).higher(zone.today()) != null;
    }

    /** The next notice on the OGP deadline after today's. */
    public Date nextDeadlineNoticeFor(DelegateExecution execution) {
        return cycleSchedule.at(deadlineNoticeDates(RefreshProcessBeans.refreshId(execution)).higher(zone.today()));
    }

    /** The reminder dates before the OGP deadline and the deadline itself, on working days. */
    java.util.TreeSet<java.time.LocalDate> deadlineNoticeDates(Long refreshId) {
        java.util.TreeSet<java.time.LocalDate> dates = new java.util.TreeSet<>();
        properties.reminderDaysBefore().forEach(days -> dates.add(beforeDeadline(refreshId, days)));
        dates.add(refreshes.find(refreshId).getOgpDeadline());
        return dates;
    }

    private java.time.LocalDate beforeDeadline(Long refreshId, int days) {
        return calendar.onOrBefore(refreshes.find(refreshId).getOgpDeadline().minusDays(days));
    }

    // By the refresh's id, which instances of the model's earlier versions carry in a variable.

    public Date scheduleDueAt(Long refreshId) {
        return cycleSchedule.at(refreshes.find(refreshId).scheduleDue());
    }

    public Date scheduleReminderAt(Long refreshId) {
        return cycleSchedule.at(calendar.minusWorkingDays(refreshes.find(refreshId).scheduleDue(), 3));
    }

    /** Opinions are taken to the end of co-creation's last day. */
    public Date coCreationEndedAt(Long refreshId) {
        return Date.from(zone.startOf(refreshes.find(refreshId).getCoCreationEnd().plusDays(1)));
    }

    public Date submissionDueAt(Long refreshId) {
        return cycleSchedule.at(refreshes.find(refreshId).getOgpDeadline());
    }

    public Date submissionReminderAt(Long refreshId, int daysBefore) {
        return cycleSchedule.at(calendar.onOrBefore(refreshes.find(refreshId).getOgpDeadline().minusDays(daysBefore)));
    }
}
