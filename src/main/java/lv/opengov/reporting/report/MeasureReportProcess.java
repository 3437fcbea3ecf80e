package lv.opengov.reporting.report;

/** Names of the measure-report process, shared by its model, its code and its tests. */
public final class MeasureReportProcess {

    public static final String KEY = "measure-report";

    /** The candidate group of review-report, as the model names it. */
    public static final String REVIEWERS = "reviewers";

    public static final String TASK_SUBMIT = "submit-report";
    public static final String TASK_REVIEW = "review-report";
    /** A co-responsible institution's or other implementer's part of the report: one task each. */
    public static final String TASK_CONTRIBUTE = "contribute-report";

    /** Withdraws a report from its institution when its cycle stops collecting. */
    public static final String MESSAGE_WITHDRAWN = "report-withdrawn";

    public static final String START_OPENED = "StartEvent_ReportOpened";
    /** User tasks carry the contract's task keys as their ids: Camunda's task key is the element id. */
    public static final String ACTIVITY_SUBMIT = TASK_SUBMIT;
    public static final String ACTIVITY_REVIEW = TASK_REVIEW;
    public static final String ACTIVITY_CONTRIBUTE = TASK_CONTRIBUTE;
    /** Splits the report's path from its contributors' tasks. */
    /** Where a report sent back at the approval of its cycle's overview goes straight to its submission. */
    public static final String GATEWAY_SENT_BACK = "Gateway_SentBack";
    public static final String GATEWAY_OPENED = "Gateway_ReportOpened";
    public static final String END_CONTRIBUTIONS = "EndEvent_ContributionsEnded";
    public static final String GATEWAY_ACCEPTED = "Gateway_ReportAccepted";
    /** The ends reach the calling cycle in a job of their own (asyncBefore), retried on a conflict. */
    public static final String END_ACCEPTED = "EndEvent_ReportAccepted";
    public static final String SUBPROCESS_WITHDRAWN = "SubProcess_ReportWithdrawn";
    public static final String END_WITHDRAWN = "EndEvent_ReportWithdrawn";

    /**
     * Not a variable of the process: the report is found by its process instance. Each report task has
     * it as a variable of its own, for its form to link to the report's pages (its evidence files);
     * nothing reads it back, so a task's user who sets it when completing a task changes nothing.
     */
    public static final String VAR_REPORT_ID = "reportId";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    /**
     * The completion in words, "Būtiska / Substantial", read-only in the review form beside the
     * submitted value ({@code completion}), which is a name of {@link Completion}.
     */
    public static final String VAR_COMPLETION_LABEL = "completionLabel";
    /** Read-only in every report task's form: the measure, its commitment, institution and deadline ({@link MeasureHeading}). */
    public static final String VAR_MEASURE_HEADING = "measureHeading";
    /** Read-only in the review form: what the submission changed since the one before it. */
    public static final String VAR_CHANGES = "changesSinceLast";
    /** The contributions so far, read-only in the responsible institution's form. */
    public static final String VAR_CONTRIBUTIONS = "contributions";

    private MeasureReportProcess() {
    }

    /** The business key of a cycle's report on a measure: {@code <cycleId>:<measureCode>}. */
    public static String businessKey(Long cycleId, String measureCode) {
        return cycleId + ":" + measureCode;
    }

    /** A pattern for the business keys of all of a cycle's reports, for a query's {@code like}. */
    public static String businessKeysOf(Long cycleId) {
        return cycleId + ":%";
    }

    public static Long cycleIdOf(String businessKey) {
        return Long.valueOf(businessKey.substring(0, colon(businessKey)));
    }

    public static String measureCodeOf(String businessKey) {
        return businessKey.substring(colon(businessKey) + 1);
    }

    private static int colon(String businessKey) {
        int colon = businessKey == null ? -1 : businessKey.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("Not a measure report's business key: " + businessKey);
        }
        return colon;
    }
}
