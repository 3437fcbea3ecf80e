package lv.opengov.reporting.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.identity.CurrentUser;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contribute-report tasks of the measure-report model: one per contributor of the report
 * ({@code ${reportContributions.contributorsFor(execution)}}), each recorded on its contribution as it
 * is created and named, grouped and dated from it; on completion the contributor's answers become
 * the contribution's new revision, and the responsible institution's open form shows them.
 *
 * <p>The form's fields are variables of the task's own execution (one per contributor), so that one
 * contributor's answers never meet another's or the responsible institution's.
 */
@Configuration
class ContributionTasks {

    /** The fields of the contribute-report form. */
    static final List<String> FIELDS = List.of(ReportAnswers.PROGRESS, ReportAnswers.CHALLENGES,
            ReportAnswers.FUNDS_SPENT_EUR, ReportAnswers.EVIDENCE_LINKS);

    /** The model's collection: the contributors' codes, in the order their tasks take their contributions. */
    @Bean("reportContributions")
    ReportContributions reportContributions(ContributionService contributions, ContributionHandOver handOver) {
        return new ReportContributions(contributions, handOver);
    }

    /** Answers the model's multi-instance collection. */
    public static class ReportContributions {

        private final ContributionService contributions;
        private final ContributionHandOver handOver;

        ReportContributions(ContributionService contributions, ContributionHandOver handOver) {
            this.contributions = contributions;
            this.handOver = handOver;
        }

        public List<String> contributorsFor(DelegateExecution execution) {
            List<ContributionRow> handedOver = handOver.find(execution.getProcessBusinessKey());
            return handedOver != null ? handedOver.stream().map(ContributionRow::contributor).toList()
                    : contributions.contributorsOf(execution.getProcessBusinessKey());
        }
    }

    /** On a contribute-report task's creation: its contribution, group, due date, name and form. */
    @Bean
    TaskListener contributionTaskOpened(ContributionService contributions, ContributionHandOver handOver,
            ReportCycle cycle, MeasureHeading heading) {
        return task -> {
            ContributionRow row = handedOver(handOver, task);
            if (row != null) {
                contributions.attachTask(row.id(), task.getId());
            } else {
                row = contributions.attachTask(task.getExecution().getProcessBusinessKey(), task.getId());
            }
            task.addCandidateGroup(row.contributorGroup());
            task.setDueDate(cycle.dueAt(row.dueDate()));
            task.setName(ReportTaskNames.contributionName(row));
            // for the form's link to the report's evidence page, where the contributor attaches its files
            task.setVariableLocal(MeasureReportProcess.VAR_REPORT_ID, row.reportId());
            task.setVariableLocal(MeasureReportProcess.VAR_MEASURE_HEADING, heading.of(row));
            // the answers live on this task's own execution, empty to start with
            for (String field : FIELDS) {
                task.getExecution().setVariableLocal(field, null);
            }
        };
    }

    /** On a contribute-report task's completion: checks and records what its contributor sent. */
    @Bean
    TaskListener contributionSubmitted(ContributionService contributions, ReportValidator validator,
            CurrentUser currentUser, TaskService taskService) {
        return (DelegateTask task) -> {
            ContributionRow row = contributions.forTask(task.getId());
            String group = row.contributorGroup();
            validator.checkMember(currentUser.belongsTo(group), group);
            Map<String, Object> answers = new LinkedHashMap<>();
            for (String field : FIELDS) {
                answers.put(field, task.getExecution().getVariableLocal(field));
            }
            contributions.submit(task.getId(), validator.validateContribution(answers), currentUser.completing(task));
            // the responsible institution's open form shows it at once
            String summary = contributions.summaryOfReport(row.reportId());
            for (Task lead : taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                    .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).list()) {
                taskService.setVariableLocal(lead.getId(), MeasureReportProcess.VAR_CONTRIBUTIONS, summary);
            }
        };
    }

    /**
     * The contribution of a task created as its report's process starts: among those handed over, the
     * one of the contributor the engine just gave this instance of the multi-instance task (its element
     * variable, set in this same transaction). Null for a task created later.
     */
    private static ContributionRow handedOver(ContributionHandOver handOver, DelegateTask task) {
        List<ContributionRow> handedOver = handOver.find(task.getExecution().getProcessBusinessKey());
        Object contributor = task.getExecution().getVariableLocal(ELEMENT);
        if (handedOver == null || contributor == null) {
            return null;
        }
        return handedOver.stream().filter(c -> c.contributor().equals(contributor)).findFirst().orElse(null);
    }

    /** The multi-instance task's element variable, as the model names it. */
    static final String ELEMENT = "contributor";
}
