package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the start of a measure-report process: records the process on its report, in the transaction
 * that starts it. A crash before the commit takes both back, and the engine starts it again; a second
 * process for a report that has one fails to start.
 */
@Component("reportStartListener")
class ReportStartListener implements ExecutionListener {

    private final ReportService reports;

    ReportStartListener(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reports.recordProcess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
