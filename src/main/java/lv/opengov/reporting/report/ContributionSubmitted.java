package lv.opengov.reporting.report;

/**
 * A co-responsible institution or other implementer sent its part of a report. Published within the
 * transaction that completes its task, so that the cycle's notice dates follow at once.
 */
public record ContributionSubmitted(Long cycleId, Long reportId, String contributor) {
}
