package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The measure-report model's gateways ask the report, not process variables: whether it was withdrawn
 * before its process started, and whether the review accepted it (the decision is recorded on the
 * report by the review task's own completion).
 */
@Component("reportDecision")
public class ReportDecision {

    private final ReportService reports;

    ReportDecision(ReportService reports) {
        this.reports = reports;
    }

    /** Whether the report was withdrawn, its cycle having stopped collecting before its process started. */
    public boolean withdrawn(DelegateExecution execution) {
        return reports.forProcessInstance(execution.getProcessInstanceId()).getWithdrawnAt() != null;
    }

    public boolean accepted(DelegateExecution execution) {
        return reports.forProcessInstance(execution.getProcessInstanceId()).getState() == ReportState.ACCEPTED;
    }

    public boolean returned(DelegateExecution execution) {
        return reports.forProcessInstance(execution.getProcessInstanceId()).getState() == ReportState.RETURNED;
    }
}
