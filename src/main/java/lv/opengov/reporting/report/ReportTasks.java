package lv.opengov.reporting.report;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import lv.opengov.reporting.plan.Institution;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a measure report's submit-report task is given, asked by the model's expressions
 * ({@code ${reportTasks.dueFor(execution)}}) when the task is created: the responsible institution's
 * group, the due date and the follow-up date (the cycle's first reminder). The first task takes what
 * the starting process handed over ({@link ReportHandOver}); a task reopened after a return reads the
 * report, so nothing is kept in process variables that would have to follow a moved deadline.
 * Moving a deadline moves the open tasks' dates too ({@link #extend}).
 */
@Component("reportTasks")
public class ReportTasks {

    /** Task ids per query: well within every database's limit on a list of parameters. */
    private static final int CHUNK = 1000;

    private final ReportService reports;
    private final ReportCycle cycle;
    private final TaskService taskService;
    private final ContributionService contributions;

    ReportTasks(ReportService reports, ReportCycle cycle, TaskService taskService, ContributionService contributions) {
        this.contributions = contributions;
        this.reports = reports;
        this.cycle = cycle;
        this.taskService = taskService;
    }

    public String groupFor(DelegateExecution execution) {
        Object given = ReportHandOver.handedOver(execution, ReportHandOver.GROUP);
        return given != null ? (String) given : Institution.groupIdFor(row(execution).institution());
    }

    public Date dueFor(DelegateExecution execution) {
        Object given = ReportHandOver.handedOver(execution, ReportHandOver.DUE);
        return given != null ? (Date) given : cycle.dueAt(row(execution).dueDate());
    }

    public Date followUpFor(DelegateExecution execution) {
        if (ReportHandOver.isFirstTask(execution)) {
            // handed over, and null when the cycle sends no reminder for this deadline
            return (Date) ReportHandOver.handedOver(execution, ReportHandOver.FOLLOW_UP);
        }
        ReportRow row = row(execution);
        return cycle.followUpAt(MeasureReportProcess.cycleIdOf(execution.getProcessBusinessKey()), row.dueDate());
    }

    /**
     * Moves the deadline of the cycle's open reports (every one, or the one of the given measure) and
     * the due and follow-up dates of their open submit-report tasks, in the caller's transaction.
     *
     * @param measureId null for every report of the cycle not yet accepted
     * @return the reports whose deadline moved
     */
    @Transactional
    public List<MeasureReport> extend(Long cycleId, Long measureId, LocalDate dueDate) {
        List<MeasureReport> changed = reports.extend(cycleId, measureId, dueDate);
        // the contributions still awaited move with their reports
        LocalDate contributionDue = cycle.contributionDue(dueDate);
        contributions.moveDueDates(changed.stream().map(MeasureReport::getId).toList(), contributionDue);
        Date due = cycle.dueAt(dueDate);
        Date followUp = cycle.followUpAt(cycleId, dueDate);
        List<String> instances = changed.stream().map(MeasureReport::getProcessInstanceId)
                .filter(java.util.Objects::nonNull).toList();
        for (int from = 0; from < instances.size(); from += CHUNK) {
            List<String> chunk = instances.subList(from, Math.min(from + CHUNK, instances.size()));
            for (Task task : taskService.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new))
                    .taskDefinitionKeyIn(MeasureReportProcess.TASK_SUBMIT, MeasureReportProcess.TASK_CONTRIBUTE).list()) {
                boolean contribution = MeasureReportProcess.TASK_CONTRIBUTE.equals(task.getTaskDefinitionKey());
                task.setDueDate(contribution ? cycle.dueAt(contributionDue) : due);
                if (!contribution) {
                    task.setFollowUpDate(followUp);
                }
                taskService.saveTask(task);
            }
        }
        return changed;
    }

    private ReportRow row(DelegateExecution execution) {
        return reports.rowForBusinessKey(execution.getProcessBusinessKey());
    }
}
