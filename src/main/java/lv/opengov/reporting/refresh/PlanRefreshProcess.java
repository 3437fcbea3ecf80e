package lv.opengov.reporting.refresh;

/** Names of the plan-refresh process, shared by its model, its code and its tests. */
public final class PlanRefreshProcess {

    public static final String KEY = "plan-refresh";
    /**
     * Handed over unstored by the API's start, so that the start listener knows the refresh is
     * recorded already, and set on each task for its form's links; the process itself finds its
     * refresh by its business key.
     */
    public static final String VAR_REFRESH_ID = "refreshId";

    public static final String TASK_SCHEDULE = "prepare-cocreation-schedule";
    public static final String TASK_RESPOND = "respond-to-opinions";
    public static final String TASK_UPDATE = "update-plan";
    public static final String TASK_SUBMIT = "submit-refreshed-plan";

    public static final String TIMER_SCHEDULE_REMINDER = "Timer_ScheduleReminder";
    public static final String TIMER_SCHEDULE_OVERDUE = "Timer_ScheduleOverdue";
    public static final String ACTIVITY_PUBLISH_SCHEDULE = "Task_PublishSchedule";
    public static final String TIMER_CO_CREATION_ENDED = "Timer_CoCreationEnded";
    public static final String ACTIVITY_PUBLISH_OPINIONS = "Task_PublishOpinionsAndChanges";
    /** Whichever task is open as the OGP deadline nears, the coordinators are reminded of it. */
    public static final String GATEWAY_REFRESH_STARTED = "Gateway_RefreshStarted";
    public static final String TIMER_DEADLINE_NEAR = "Timer_DeadlineNear";
    public static final String ACTIVITY_NOTIFY_OF_DEADLINE = "Task_NotifyOfDeadline";
    public static final String TIMER_NEXT_DEADLINE_NOTICE = "Timer_NextDeadlineNotice";
    public static final String END_SUBMITTED = "EndEvent_RefreshedPlanSubmitted";

    private PlanRefreshProcess() {
    }

    /** The business key of a refresh's process: the refresh's id. */
    public static String businessKey(Long refreshId) {
        return refreshId.toString();
    }

    public static Long refreshIdOf(String businessKey) {
        return Long.valueOf(businessKey);
    }
}
