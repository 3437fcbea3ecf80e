package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The measure-report model's gateway asks the report, not a process variable, whether the review
 * accepted it: the decision is recorded on the report by the review task's own completion.
 */
@Component("reportDecision")
public class ReportDecision {

    private final ReportService reports;

    ReportDecision(ReportService reports) {
        this.reports = reports;
    }

    public boolean accepted(DelegateExecution execution) {
        return reports.forBusinessKey(execution.getProcessBusinessKey()).getState() == ReportState.ACCEPTED;
    }

    /**
     * At the start of a report's process: whether the report was sent back at the approval of the
     * overview (returned already), so that the process goes straight to its institution's submission.
     * A report's first process starts with the report awaiting.
     */
    public boolean sentBackAtApproval(DelegateExecution execution) {
        return returned(execution);
    }

    public boolean returned(DelegateExecution execution) {
        return reports.forBusinessKey(execution.getProcessBusinessKey()).getState() == ReportState.RETURNED;
    }
}
