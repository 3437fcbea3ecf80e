package lv.opengov.reporting.report;

import java.util.Optional;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.identity.Groups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The Tasklist task that a page opened from a report's task form leads back to (the evidence page and
 * the progress page): the responsible institution's submission, a contributor's own contribution (by
 * the group it was given), or the reviewers' review. None when the user has no open task on the report.
 */
@Component
public class TaskToReturnTo {

    /** Where Tasklist opens a task by its id. */
    public static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final Access access;
    private final TaskService tasks;

    TaskToReturnTo(Access access, TaskService tasks) {
        this.access = access;
        this.tasks = tasks;
    }

    /** The task's id, for a report's process instance and its responsible institution. */
    public Optional<String> taskId(String processInstanceId, String reportInstitution) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        boolean responsible = access.institutionCodes().contains(reportInstitution);
        if (!responsible && !access.groupIds().contains(Groups.REVIEWERS)) {
            return tasks.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE)
                    .taskCandidateGroupIn(access.groupIds()).includeAssignedTasks().list().stream().findFirst()
                    .map(Task::getId);
        }
        String key = responsible ? MeasureReportProcess.TASK_SUBMIT : MeasureReportProcess.TASK_REVIEW;
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list()
                .stream().findFirst().map(Task::getId);
    }

    /** The task's address in Tasklist, or null. */
    public String tasklistUrl(String processInstanceId, String reportInstitution) {
        return taskId(processInstanceId, reportInstitution).map(id -> TASKLIST_TASK + id).orElse(null);
    }
}
