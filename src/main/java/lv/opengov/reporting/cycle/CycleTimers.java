package lv.opengov.reporting.cycle;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Makes the cycle's timers follow a moved deadline or a report reopened by a return, in the
 * transaction that changes them: the waiting timer is set to the new next notice date. A cycle that had
 * nothing left to send but the legal-deadline escalation resumes its reminders when the change brings
 * some. (The reports' own tasks follow in the report module: {@code ReportTasks.extend}.)
 */
@Component
class CycleTimers {

    private final CycleSchedule schedule;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    CycleTimers(CycleSchedule schedule, RuntimeService runtimeService, ManagementService managementService) {
        this.schedule = schedule;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    void rescheduleCycle(ReportingCycle cycle) {
        String instanceId = cycle.getProcessInstanceId();
        if (instanceId == null || cycle.getStatus() != CycleStatus.COLLECTING) {
            return;
        }
        boolean noticesLeft = schedule.hasNoticesLeft(cycle.getId());
        for (Job job : managementService.createJobQuery().processInstanceId(instanceId).timers().list()) {
            String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            if (ReportingCycleProcess.TIMER_NOTICE_DUE.equals(activity)) {
                if (noticesLeft) {
                    managementService.setJobDuedate(job.getId(), schedule.nextNoticeAt(cycle.getId()));
                } else {
                    restartNotices(instanceId, ReportingCycleProcess.TIMER_NOTICE_DUE);
                }
            } else if (ReportingCycleProcess.TIMER_LEGAL_DEADLINE.equals(activity) && noticesLeft) {
                restartNotices(instanceId, ReportingCycleProcess.TIMER_LEGAL_DEADLINE);
            }
        }
    }

    /** Cancels the wait at the given timer and lets the notice loop decide again what comes next. */
    private void restartNotices(String instanceId, String waitingAt) {
        ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
        ActivityInstance[] waiting = tree.getActivityInstances(waitingAt);
        ActivityInstance[] scope = tree.getActivityInstances(ReportingCycleProcess.SUBPROCESS_COLLECT);
        if (waiting.length == 0 || scope.length == 0) {
            return;
        }
        // start the new path first, so that the sub-process never runs empty and ends
        runtimeService.createProcessInstanceModification(instanceId)
                .startBeforeActivity(ReportingCycleProcess.GATEWAY_NOTICES_LEFT, scope[0].getId())
                .cancelActivityInstance(waiting[0].getId())
                .execute();
    }
}
