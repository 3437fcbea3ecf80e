package lv.opengov.reporting.report;

/**
 * A reviewer accepted a report. Published within the transaction that completes the review, so that
 * whoever reacts (the cycle, checking whether every report is in) does so atomically with it.
 */
public record ReportAccepted(Long cycleId, Long reportId, String measureCode) {
}
