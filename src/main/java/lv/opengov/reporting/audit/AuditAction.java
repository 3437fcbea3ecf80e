package lv.opengov.reporting.audit;

import java.util.EnumSet;
import java.util.Set;

/** What an audit entry records. The names are stored; rename none. */
public enum AuditAction {
    CYCLE_STARTED,
    DEADLINE_EXTENDED,
    CYCLE_CLOSED,
    CYCLE_APPROVED,
    CYCLE_PUBLISHED,
    REPORT_SUBMITTED,
    REPORT_RETURNED,
    REPORT_ACCEPTED,
    PLAN_IMPORTED,
    CALENDAR_DAY_ADDED,
    CALENDAR_DAY_REMOVED,
    REFRESH_STARTED,
    REFRESH_SCHEDULE_PREPARED,
    REFRESH_SCHEDULE_PUBLISHED,
    REFRESH_OPINIONS_RESPONDED,
    REFRESH_PLAN_UPDATED,
    REFRESH_PLAN_SUBMITTED,
    CONTRIBUTION_SUBMITTED,
    EVIDENCE_ATTACHED,
    EVIDENCE_REMOVED;

    /** The actions on measure reports: what reviewers see. */
    public static final Set<AuditAction> REPORT_ACTIONS = EnumSet.of(REPORT_SUBMITTED, REPORT_RETURNED,
            REPORT_ACCEPTED, CONTRIBUTION_SUBMITTED, EVIDENCE_ATTACHED, EVIDENCE_REMOVED);
}
