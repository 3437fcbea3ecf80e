package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each report task after its measure ({@link ReportTaskNames}): from the name the starting
 * process hands over unstored ({@link ReportHandOver}), else from the report; never from a stored
 * variable.
 */
@Component("reportTaskNamer")
class ReportTaskNamer implements TaskListener {

    private final ReportService reports;

    ReportTaskNamer(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean review = MeasureReportProcess.TASK_REVIEW.equals(task.getTaskDefinitionKey());
        Object given = review ? null : ReportHandOver.handedOver(task, ReportHandOver.NAME);
        if (given != null) {
            task.setName((String) given);
            return;
        }
        ReportRow row = reports.rowForBusinessKey(task.getExecution().getProcessBusinessKey());
        task.setName(review ? ReportTaskNames.reviewName(row) : ReportTaskNames.submitName(row));
    }
}
