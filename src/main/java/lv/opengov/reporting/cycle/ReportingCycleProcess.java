package lv.opengov.reporting.cycle;

/** Names of the reporting-cycle process, shared by its model, its code and its tests. */
public final class ReportingCycleProcess {

    public static final String KEY = "reporting-cycle";

    /**
     * Handed to the start unstored by a cycle the service has recorded; instances of the model's
     * earlier versions store it. The process finds its cycle by its business key.
     */
    public static final String VAR_CYCLE_ID = "cycleId";
    public static final String VAR_CLOSE_CYCLE = "closeCycle";
    public static final String VAR_MISSING_MEASURES = "missingMeasures";
    /** The batch of reports an instance of the batch sub-process starts: the range of their ids. */
    public static final String VAR_REPORT_BATCH = "reportBatch";

    public static final String MESSAGE_REPORTS_COMPLETE = "reports-complete";
    public static final String MESSAGE_CYCLE_CLOSED = "cycle-closed";

    public static final String TASK_FOLLOW_UP = "follow-up-overdue";
    public static final String TASK_APPROVE = "approve-consolidation";

    public static final String TIMER_INVITATION = "Timer_InvitationDate";
    public static final String ACTIVITY_OPEN_REPORTS = "Task_OpenReports";
    public static final String GATEWAY_REPORTS_OPENED = "Gateway_ReportsOpened";
    public static final String SUBPROCESS_REPORT_BATCH = "SubProcess_ReportBatch";
    /** Calls one measure-report process per report: Cockpit shows each report under its cycle. */
    public static final String ACTIVITY_MEASURE_REPORT = "CallActivity_MeasureReport";
    public static final String SUBPROCESS_COLLECT = "SubProcess_CollectReports";
    public static final String GATEWAY_NOTICES_LEFT = "Gateway_NoticesLeft";
    public static final String TIMER_NOTICE_DUE = "Timer_NoticeDue";
    public static final String ACTIVITY_SEND_NOTICES = "Task_SendDueNotices";
    public static final String TIMER_LEGAL_DEADLINE = "Timer_LegalDeadline";
    /** User tasks carry the contract's task keys as their ids: Camunda's task key is the element id. */
    public static final String ACTIVITY_FOLLOW_UP = TASK_FOLLOW_UP;
    public static final String TIMER_FOLLOW_UP_AGAIN = "Timer_FollowUpAgain";
    public static final String BOUNDARY_REPORTS_COMPLETE = "Event_ReportsComplete";
    public static final String BOUNDARY_CYCLE_CLOSED = "Event_CycleClosed";
    public static final String ACTIVITY_WITHDRAW_OPEN_REPORTS = "Task_WithdrawOpenReports";
    public static final String GATEWAY_REPORTS_ENDED = "Gateway_ReportsEnded";
    public static final String ACTIVITY_APPROVE = TASK_APPROVE;
    public static final String TIMER_APPROVAL_REMINDER = "Timer_ApprovalReminder";
    public static final String ACTIVITY_REMIND_APPROVERS = "Task_RemindApprovers";
    public static final String TIMER_APPROVAL_OVERDUE = "Timer_ApprovalOverdue";
    public static final String ACTIVITY_ESCALATE_APPROVAL = "Task_EscalateApproval";
    public static final String GATEWAY_APPROVAL_DECIDED = "Gateway_ApprovalDecided";
    /** One call of measure-report per report sent back at approval. */
    public static final String ACTIVITY_CORRECT_REPORT = "CallActivity_CorrectReport";
    /** The approval form's fields: the decision, the measures whose reports go back, and why. */
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_SEND_BACK = "sendBack";
    public static final String VAR_SEND_BACK_COMMENT = "sendBackComment";
    /** What the approval form shows: the cycle's id (for the link to its report) and the measures it may send back. */
    public static final String VAR_ACCEPTED_MEASURES = "acceptedMeasures";
    public static final String END_PUBLISHED = "EndEvent_CyclePublished";

    private ReportingCycleProcess() {
    }

    /** The business key of a cycle's process: the cycle's id. */
    public static String businessKey(Long cycleId) {
        return cycleId.toString();
    }

    /** The cycle a reporting-cycle process works on, from its business key. */
    public static Long cycleIdOf(String businessKey) {
        return Long.valueOf(businessKey);
    }
}
