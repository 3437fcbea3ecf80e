package lv.opengov.reporting.report;

/** The IRM completion scale, as institutions self-report it ("No evidence" is the IRM's own verdict). */
public enum Completion {
    NOT_STARTED,
    LIMITED,
    SUBSTANTIAL,
    COMPLETE
}
