package lv.opengov.reporting.cycle;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lv.opengov.reporting.common.BilingualText;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportTaskForms;
import lv.opengov.reporting.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners of the reporting-cycle model. */
@Configuration
class CycleListeners {

    /** The follow-up form's answer, and the variable the model's gateway reads. */
    static final String CLOSE_CYCLE = ReportingCycleProcess.VAR_CLOSE_CYCLE;

    /**
     * On the start event: a cycle started from Tasklist's start form is checked and recorded here, in
     * the starting transaction, so that bad dates refuse the start with the same messages as the API.
     * One started through the API has been recorded already, and handed its id over unstored.
     */
    @Bean
    ExecutionListener cycleStartListener(CycleService cycles, CurrentUser currentUser) {
        return execution -> {
            var given = execution.getVariableTyped(ReportingCycleProcess.VAR_CYCLE_ID);
            if (given != null && given.isTransient()) {
                return;
            }
            CycleRequest request = new CycleRequest(string(execution, "name"), string(execution, "periodFrom"),
                    string(execution, "periodTo"), string(execution, "invitationDate"),
                    string(execution, "submissionDeadline"), string(execution, "legalDeadline"),
                    Boolean.TRUE.equals(execution.getVariable("acceptMovedDates")), string(execution, "preset"),
                    string(execution, "invitationWeek"),
                    execution.getVariable("finalReport") == null ? null : Boolean.TRUE.equals(execution.getVariable("finalReport")));
            ReportingCycle cycle = cycles.registerStarted(request, currentUser.id(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(ReportingCycleProcess.businessKey(cycle.getId()));
        };
    }

    /** On follow-up-overdue's creation: lists the reports still missing, in the task and its form. */
    @Bean
    TaskListener followUpTaskListener(CycleQuery cycleQuery, BilingualText text) {
        return task -> {
            Long cycleId = ReportingCycleProcess.cycleIdOf(task.getExecution().getProcessBusinessKey());
            String missing = cycleQuery.missing(cycleId).stream()
                    .map(row -> line(row, text))
                    .collect(Collectors.joining("\n"));
            task.setVariableLocal(ReportingCycleProcess.VAR_MISSING_MEASURES, missing);
            // the form starts unticked, whatever the last follow-up answered; the answer is sent to
            // the process, where models of earlier versions read it too
            ReportTaskForms.open(task, java.util.Collections.singletonMap(CLOSE_CYCLE, null));
            task.setDescription(missing.length() > 3900 ? missing.substring(0, 3900) + "…" : missing);
        };
    }

    /**
     * On follow-up-overdue's completion: the gateway after it decides from what this task's user
     * answered, written here over anything stored under that name before.
     */
    @Bean
    TaskListener followUpAnsweredListener() {
        return task -> task.getExecution().setVariable(CLOSE_CYCLE, Boolean.TRUE.equals(
                ReportTaskForms.takeAnswers(task, java.util.List.of(CLOSE_CYCLE)).get(CLOSE_CYCLE)));
    }

    /**
     * On approve-consolidation's creation: a cycle back from corrections awaits approval again, and the
     * form gets the cycle's id (for the link to its report) and the measures whose accepted reports it
     * may send back, with its own fields empty.
     */
    @Bean
    TaskListener approvalOpened(CycleSteps steps, lv.opengov.reporting.report.ReportService reports) {
        return task -> {
            Long cycleId = ReportingCycleProcess.cycleIdOf(task.getExecution().getProcessBusinessKey());
            steps.approvalOpened(cycleId);
            Map<String, Object> form = new java.util.LinkedHashMap<>();
            form.put(ReportingCycleProcess.VAR_CYCLE_ID, cycleId);
            String accepted = reports.rows(cycleId).stream()
                    .filter(row -> row.state() == lv.opengov.reporting.report.ReportState.ACCEPTED)
                    .map(row -> row.measureCode() + " (" + row.institution() + ")")
                    .collect(Collectors.joining(", "));
            // a task's text variable holds 4,000 characters; the report page lists every measure
            form.put(ReportingCycleProcess.VAR_ACCEPTED_MEASURES,
                    accepted.length() > 3900 ? accepted.substring(0, accepted.lastIndexOf(", ", 3900)) + ", …" : accepted);
            form.put(ReportingCycleProcess.VAR_APPROVAL_DECISION, null);
            form.put(ReportingCycleProcess.VAR_SEND_BACK, null);
            form.put(ReportingCycleProcess.VAR_SEND_BACK_COMMENT, null);
            ReportTaskForms.open(task, form);
        };
    }

    /**
     * On approve-consolidation's completion: the overview approved (who approved is recorded on the
     * cycle for its publication), or the named reports sent back with the comment. The gateway after it
     * reads what was recorded, not the answer; an answer that breaks the form's rules refuses the
     * completion and changes nothing.
     */
    @Bean
    TaskListener approvalListener(CurrentUser currentUser, CycleSteps steps, ApprovalAnswers answers) {
        return (DelegateTask task) -> {
            Long cycleId = ReportingCycleProcess.cycleIdOf(task.getExecution().getProcessBusinessKey());
            ApprovalAnswers.Answer answer = answers.read(ReportTaskForms.takeAnswers(task, List.of(
                    ReportingCycleProcess.VAR_APPROVAL_DECISION, ReportingCycleProcess.VAR_SEND_BACK,
                    ReportingCycleProcess.VAR_SEND_BACK_COMMENT)));
            String user = currentUser.completing(task);
            if (answer.sendBack().isEmpty()) {
                steps.recordApproval(cycleId, user);
            } else {
                steps.sendBack(cycleId, answer.sendBack(), answer.comment(), user);
            }
        };
    }

    /** "1.1 (VK): Nav iesniegta / Not submitted". */
    private static String line(ReportRow row, BilingualText text) {
        return row.measureCode() + " (" + row.institution() + "): " + text.of("state." + row.state());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
