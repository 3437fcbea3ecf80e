package lv.opengov.reporting.report;

/** Where a measure's report stands in its cycle. */
public enum ReportState {
    /** Opened; the institution has not submitted it yet. */
    AWAITING,
    /** Submitted; waiting for review. */
    SUBMITTED,
    /** Sent back to the institution with the reviewer's comment. */
    RETURNED,
    /** Accepted by a reviewer. */
    ACCEPTED;

    /** Whether the institution still owes this report. */
    public boolean isOpenForInstitution() {
        return this == AWAITING || this == RETURNED;
    }
}
