package lv.opengov.reporting.cycle;

import java.util.Date;
import java.util.List;
import java.time.LocalDate;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a measure report's tasks are given, read from the report itself when a task is created:
 * the responsible institution's group, the due date and the follow-up date (the first reminder).
 * The model asks by expression ({@code ${reportTasks.dueFor(execution)}}) rather than keeping
 * copies in process variables: nothing to keep in step when a deadline moves, and fewer rows to
 * write for each of a cycle's ten thousand processes.
 */
@Component("reportTasks")
public class ReportTasks {

    /**
     * Transient variables (never stored) with which the launcher hands the first task what it
     * already knows, so that starting ten thousand processes reads nothing back; later tasks (after
     * a return) read the report.
     */
    static final String GROUP = "taskGroup";
    static final String DUE = "taskDue";
    static final String FOLLOW_UP = "taskFollowUp";

    private final ReportService reports;
    private final CycleService cycles;
    private final CycleSchedule schedule;

    ReportTasks(ReportService reports, CycleService cycles, CycleSchedule schedule) {
        this.reports = reports;
        this.cycles = cycles;
        this.schedule = schedule;
    }

    public String groupFor(DelegateExecution execution) {
        Object given = execution.getVariable(GROUP);
        return given != null ? (String) given : Institution.groupIdFor(row(execution).institution());
    }

    public Date dueFor(DelegateExecution execution) {
        Object given = execution.getVariable(DUE);
        return given != null ? (Date) given : schedule.at(row(execution).dueDate());
    }

    public Date followUpFor(DelegateExecution execution) {
        if (execution.hasVariable(FOLLOW_UP)) {
            return (Date) execution.getVariable(FOLLOW_UP);
        }
        ReportRow row = row(execution);
        List<LocalDate> reminders = schedule.reminderDates(row.dueDate(),
                cycles.find(Long.valueOf(execution.getProcessBusinessKey().split(":")[0])).getInvitationDate());
        return reminders.isEmpty() ? null : schedule.at(reminders.get(0));
    }

    private ReportRow row(DelegateExecution execution) {
        return reports.rowForBusinessKey(execution.getProcessBusinessKey());
    }
}
