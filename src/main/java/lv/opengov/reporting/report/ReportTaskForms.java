package lv.opengov.reporting.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.common.BilingualText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What a report task's form starts from, set on the task itself when it is created ({@link #open}),
 * and what its user answered ({@link #takeAnswers}): no value one task's user writes stays for
 * another task or for the process to read. The values come from the report (its latest submission,
 * the reviewer's last comment) or, for the first task of a new cycle, from the previous cycle's
 * accepted answers that the starting process hands over unstored ({@link ReportHandOver}). Each form
 * also gets the report's id ({@link MeasureReportProcess#VAR_REPORT_ID}), which it shows as a link to
 * the report's evidence files and never sends back: it is no field of the form.
 */
@Component("reportTaskForms")
public class ReportTaskForms implements TaskListener {

    private final ReportService reports;
    private final ContributionService contributions;
    private final ContributionHandOver handOver;
    private final BilingualText text;
    private final MeasureHeading heading;

    ReportTaskForms(ReportService reports, ContributionService contributions, ContributionHandOver handOver,
            BilingualText text, MeasureHeading heading) {
        this.heading = heading;
        this.handOver = handOver;
        this.text = text;
        this.reports = reports;
        this.contributions = contributions;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, Object> form = new LinkedHashMap<>();
        boolean review = MeasureReportProcess.TASK_REVIEW.equals(task.getTaskDefinitionKey());
        if (!review && ReportHandOver.isFirstTask(task)) {
            // the first task, created as the cycle starts the process: all it needs came along
            for (String name : ReportAnswers.FIELDS) {
                form.put(name, ReportHandOver.handedOver(task, name));
            }
            form.put(MeasureReportProcess.VAR_REVIEW_COMMENT, null);
            Object reportId = ReportHandOver.handedOver(task, ReportHandOver.REPORT_ID);
            Object handedHeading = ReportHandOver.handedOver(task, ReportHandOver.HEADING);
            ReportRow row = reportId != null && handedHeading != null ? null
                    : reports.rowForBusinessKey(task.getExecution().getProcessBusinessKey());
            form.put(MeasureReportProcess.VAR_REPORT_ID, reportId != null ? reportId : row.reportId());
            form.put(MeasureReportProcess.VAR_MEASURE_HEADING, handedHeading != null ? handedHeading : heading.of(row));
        } else {
            ReportRow row = reports.rowForBusinessKey(task.getExecution().getProcessBusinessKey());
            MeasureReport report = reports.find(row.reportId()).orElseThrow();
            form.put(MeasureReportProcess.VAR_REPORT_ID, report.getId());
            form.put(MeasureReportProcess.VAR_MEASURE_HEADING, heading.of(row));
            form.putAll(report.getAnswers().asFormValues());
            if (review) {
                form.put(MeasureReportProcess.VAR_CHANGES, changesSinceLast(report.getId()));
                Completion completion = report.getAnswers().getCompletion();
                form.put(MeasureReportProcess.VAR_COMPLETION_LABEL,
                        completion == null ? null : text.of("completion." + completion.name()));
                form.put(MeasureReportProcess.VAR_DECISION, null);
                form.put(MeasureReportProcess.VAR_REVIEW_COMMENT, null);
            } else {
                form.put(MeasureReportProcess.VAR_REVIEW_COMMENT,
                        report.getState() == ReportState.RETURNED ? report.getReviewComment() : null);
                // not a field of this form: cleared, so that the next review starts from nothing
                form.put(MeasureReportProcess.VAR_DECISION, null);
            }
        }
        if (!review) {
            // what the co-responsible institutions and other implementers sent so far, read-only
            List<ContributionRow> handedOver = ReportHandOver.isFirstTask(task)
                    ? handOver.find(task.getExecution().getProcessBusinessKey()) : null;
            String summary = handedOver != null ? contributions.summaryOf(handedOver)
                    : contributions.summaryOfReport((Long) form.get(MeasureReportProcess.VAR_REPORT_ID));
            form.put(MeasureReportProcess.VAR_CONTRIBUTIONS, summary.isEmpty() ? null : summary);
        }
        open(task, form);
    }

    /**
     * Opens a task's form: its values become variables of the task (none for a field without a
     * value), and anything of the same names left in the process before is removed, so that what
     * the process holds under those names on completion is what this task's user sent.
     */
    public static void open(DelegateTask task, Map<String, Object> form) {
        var execution = task.getExecution();
        for (String field : form.keySet()) {
            if (execution.hasVariable(field)) {
                execution.removeVariable(field);
            }
        }
        form.forEach((field, value) -> {
            if (value != null) {
                task.setVariableLocal(field, value);
            }
        });
    }

    /**
     * What the latest submission changed since the one before it, field by field in both languages:
     * the completion and the funds from and to, a text as changed; the first submission says so.
     */
    private String changesSinceLast(Long reportId) {
        List<ReportRevision> revisions = reports.revisions(reportId);
        if (revisions.size() < 2) {
            return text.of("form.changes.first");
        }
        List<ReportAnswers.Change> changes = revisions.get(revisions.size() - 1).getAnswers()
                .changesSince(revisions.get(revisions.size() - 2).getAnswers());
        if (changes.isEmpty()) {
            return text.of("form.changes.none");
        }
        List<String> lines = new java.util.ArrayList<>();
        for (ReportAnswers.Change change : changes) {
            String field = text.of("field." + change.field());
            if (ReportAnswers.COMPLETION.equals(change.field())) {
                lines.add(field + ": " + completion(change.before()) + " → " + completion(change.after()));
            } else if (ReportAnswers.FUNDS_SPENT_EUR.equals(change.field())) {
                lines.add(field + ": " + dash(change.before()) + " → " + dash(change.after()));
            } else {
                lines.add(field + ": " + text.of("form.changes.changed"));
            }
        }
        return String.join("\n", lines);
    }

    private String completion(String value) {
        return value == null ? "—" : text.of("completion." + value);
    }

    private static String dash(String value) {
        return value == null ? "—" : value;
    }


    /**
     * What a task's user answered in the form's fields. Tasklist's form submission writes the
     * answers over the task's own variables where the form has them, else to the process; a plain
     * completion writes them to the process. {@link #open} left nothing of these names in the process
     * when the task was created, so whatever the process holds now was sent with this completion; a
     * field left out keeps the form's value. The answers stay where they are (models of earlier
     * versions route on them) until the next task's form clears them.
     */
    public static Map<String, Object> takeAnswers(DelegateTask task, java.util.Collection<String> fields) {
        Map<String, Object> answers = new LinkedHashMap<>();
        var execution = task.getExecution();
        for (String field : fields) {
            answers.put(field, execution.hasVariable(field) ? execution.getVariable(field)
                    : task.getVariableLocal(field));
        }
        return answers;
    }

    static Map<String, Object> takeSubmission(DelegateTask task) {
        return takeAnswers(task, ReportAnswers.FIELDS);
    }

    static Map<String, Object> takeReview(DelegateTask task) {
        return takeAnswers(task, java.util.List.of(MeasureReportProcess.VAR_DECISION,
                MeasureReportProcess.VAR_REVIEW_COMMENT));
    }

}
