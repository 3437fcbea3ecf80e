package lv.opengov.reporting.report;

/**
 * A reviewer returned a report to its institution with a comment. Published within the transaction
 * that completes the review, so that the notice to the institution is queued atomically with it.
 *
 * @param revision the number of the submission that was returned
 */
public record ReportReturned(Long cycleId, Long reportId, String measureCode, String reviewComment, int revision) {
}
