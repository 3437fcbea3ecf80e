package lv.opengov.reporting.cycle;

import java.util.Date;
import java.util.List;
import java.time.LocalDate;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportTaskForms;
import org.camunda.bpm.engine.variable.value.TypedValue;
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
     * a return) read the report. A stored variable of the same name, which a task's user could have
     * written, is ignored.
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
        Object given = ReportTaskForms.handedOver(execution, GROUP);
        return given != null ? (String) given : Institution.groupIdFor(row(execution).institution());
    }

    public Date dueFor(DelegateExecution execution) {
        Object given = ReportTaskForms.handedOver(execution, DUE);
        return given != null ? (Date) given : schedule.at(row(execution).dueDate());
    }

    public Date followUpFor(DelegateExecution execution) {
        TypedValue given = execution.getVariableTyped(FOLLOW_UP);
        if (given != null && given.isTransient()) {
            return (Date) given.getValue();
        }
        ReportRow row = row(execution);
        List<LocalDate> reminders = schedule.reminderDates(row.dueDate(),
                cycles.find(MeasureReportProcess.cycleIdOf(execution.getProcessBusinessKey())).getInvitationDate());
        return reminders.isEmpty() ? null : schedule.at(reminders.get(0));
    }

    private ReportRow row(DelegateExecution execution) {
        return reports.rowForBusinessKey(execution.getProcessBusinessKey());
    }
}
