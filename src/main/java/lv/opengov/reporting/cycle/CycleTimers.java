package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import lv.opengov.reporting.report.MeasureReportProcess;
import org.springframework.stereotype.Component;

/**
 * Makes the engine follow a moved deadline, in the transaction that moves it: the open submit-report
 * tasks get the new due and follow-up dates, and the cycle's waiting timer is set to the new next
 * notice date. A cycle that had nothing left to send but the legal-deadline escalation resumes its
 * reminders when the new deadline brings some.
 */
@Component
class CycleTimers {

    private final CycleSchedule schedule;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    CycleTimers(CycleSchedule schedule, TaskService taskService, RuntimeService runtimeService,
            ManagementService managementService) {
        this.schedule = schedule;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    void follow(ReportingCycle cycle, List<String> reportInstanceIds, LocalDate deadline) {
        Date due = schedule.at(deadline);
        List<LocalDate> reminders = schedule.reminderDates(deadline, cycle.getInvitationDate());
        Date followUp = reminders.isEmpty() ? null : schedule.at(reminders.get(0));
        for (int from = 0; from < reportInstanceIds.size(); from += 1000) {
            List<String> chunk = reportInstanceIds.subList(from, Math.min(from + 1000, reportInstanceIds.size()));
            for (Task task : taskService.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new))
                    .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).list()) {
                task.setDueDate(due);
                task.setFollowUpDate(followUp);
                taskService.saveTask(task);
            }
        }
        rescheduleCycle(cycle);
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
