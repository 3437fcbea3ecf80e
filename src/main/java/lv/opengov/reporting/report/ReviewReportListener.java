package lv.opengov.reporting.report;

import lv.opengov.reporting.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of review-report: checks the decision (a return needs a comment) and records it on
 * the report, where the model's gateway reads it. Only what this completion sent is read
 * ({@link ReportTaskForms#takeAnswers}), so a decision written before by anyone else decides nothing.
 */
@Component("reviewReportListener")
class ReviewReportListener implements TaskListener {

    private final ReportValidator validator;
    private final ReportService reports;
    private final CurrentUser currentUser;

    ReviewReportListener(ReportValidator validator, ReportService reports,
            CurrentUser currentUser) {
        this.validator = validator;
        this.reports = reports;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        validator.checkMember(currentUser.belongsTo(MeasureReportProcess.REVIEWERS), MeasureReportProcess.REVIEWERS);
        var answers = ReportTaskForms.takeReview(task);
        boolean accepted = validator.validateReview(answers);
        Object comment = answers.get(MeasureReportProcess.VAR_REVIEW_COMMENT);
        String text = comment == null || comment.toString().isBlank() ? null : comment.toString().strip();
        Long reportId = reports.forBusinessKey(task.getExecution().getProcessBusinessKey()).getId();
        reports.review(reportId, accepted, text, currentUser.completing(task));
    }
}
