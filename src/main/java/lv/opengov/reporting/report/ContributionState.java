package lv.opengov.reporting.report;

/** Whether a contributor has sent its part of a report. */
public enum ContributionState {
    AWAITING,
    SUBMITTED
}
