package lv.opengov.reporting.refresh;

/** Where a plan refresh stands. */
public enum RefreshStatus {
    /** The co-creation schedule is being prepared. */
    PREPARING_SCHEDULE,
    /** The schedule is public; co-creation has not started or is under way. */
    COLLECTING_OPINIONS,
    /** Co-creation is over; each opinion gets a reasoned response. */
    RESPONDING,
    /** The changes and additions are recorded. */
    UPDATING_PLAN,
    /** Opinions, responses and the changes document are public; the plan goes to OGP. */
    SUBMITTING,
    /** The refreshed plan was sent to OGP. */
    SUBMITTED
}
