package lv.opengov.reporting.report;

import lv.opengov.reporting.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of submit-report: validates the form's values on the server and records them as the
 * report's new revision. A failed validation fails the completion, so the task stays open. Only the
 * form's fields are read, as this completion sent them ({@link ReportTaskForms#takeAnswers}).
 */
@Component("submitReportListener")
class SubmitReportListener implements TaskListener {

    private final ReportValidator validator;
    private final ReportService reports;
    private final CurrentUser currentUser;

    SubmitReportListener(ReportValidator validator, ReportService reports,
            CurrentUser currentUser) {
        this.validator = validator;
        this.reports = reports;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        ReportRow report = reports.rowForBusinessKey(task.getExecution().getProcessBusinessKey());
        Long reportId = report.reportId();
        // whoever the task was handed to, only the responsible institution submits its report
        String group = lv.opengov.reporting.plan.Institution.groupIdFor(report.institution());
        validator.checkMember(currentUser.belongsTo(group), group);
        ReportValues values = validator.validateSubmission(ReportTaskForms.takeSubmission(task));
        reports.submit(reportId, values, currentUser.completing(task));
    }
}
