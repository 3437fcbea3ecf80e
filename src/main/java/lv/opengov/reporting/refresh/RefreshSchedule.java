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

    RefreshSchedule(RefreshQuery refreshes, lv.opengov.reporting.cycle.CycleSchedule cycleSchedule,
            LatvianCalendar calendar, ServiceZone zone) {
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
