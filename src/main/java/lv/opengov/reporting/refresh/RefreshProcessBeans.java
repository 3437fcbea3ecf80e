package lv.opengov.reporting.refresh;

import java.util.List;
import lv.opengov.reporting.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of the plan-refresh model, bound by expression. Each finds its refresh by
 * the process's business key, never by a variable, which a task's user could write.
 */
@Configuration
class RefreshProcessBeans {

    /** The start form's fields, taken off the process once the refresh is recorded. */
    static final List<String> START_FIELDS = List.of("coCreationStart", "coCreationEnd", "ogpDeadline");

    /** The refresh a plan-refresh process works on, by its business key. */
    static Long refreshId(DelegateExecution execution) {
        return PlanRefreshProcess.refreshIdOf(execution.getProcessBusinessKey());
    }

    static Long refreshId(DelegateTask task) {
        return refreshId(task.getExecution());
    }

    /**
     * On each task's creation: the refresh's id as the task's own variable, which its form's links
     * show ({@code /refreshes/{{refreshId}}}). The process keeps none; a value a user sends under this
     * name is no form field and never reaches the task.
     */
    @Bean
    TaskListener refreshTaskOpened() {
        return task -> task.setVariableLocal(PlanRefreshProcess.VAR_REFRESH_ID, refreshId(task));
    }

    /**
     * On the start event: a refresh started from Tasklist's start form is checked and recorded here,
     * in the starting transaction; one started through the API has been recorded already.
     */
    @Bean
    ExecutionListener refreshStartListener(RefreshService refreshes, CurrentUser currentUser) {
        return execution -> {
            TypedValue given = execution.getVariableTyped(PlanRefreshProcess.VAR_REFRESH_ID);
            if (given != null && given.isTransient()) {
                return;
            }
            PlanRefresh refresh = refreshes.registerStarted(new RefreshService.RefreshRequest(
                    text(execution, START_FIELDS.get(0)), text(execution, START_FIELDS.get(1)),
                    text(execution, START_FIELDS.get(2))), currentUser.id(), execution.getProcessInstanceId());
            execution.removeVariables(START_FIELDS);
            execution.setProcessBusinessKey(PlanRefreshProcess.businessKey(refresh.getId()));
        };
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    @Bean
    JavaDelegate publishScheduleDelegate(RefreshSteps steps) {
        return execution -> steps.publishSchedule(refreshId(execution));
    }

    @Bean
    JavaDelegate publishOpinionsDelegate(RefreshSteps steps) {
        return execution -> steps.publishOpinionsAndChanges(refreshId(execution));
    }

    /**
     * The OGP deadline near or reached: the coordinators are told which of the refresh's tasks is open
     * (read from the engine, in Tasklist's words), whichever it is.
     */
    @Bean
    JavaDelegate refreshDeadlineNoticeDelegate(RefreshMails mails, org.camunda.bpm.engine.TaskService tasks) {
        return execution -> mails.notifyOfDeadline(refreshId(execution), tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getName).sorted().toList());
    }

    /** Mails the coordinators; the kind comes from the element's input ({@code notice}). */
    @Bean
    JavaDelegate refreshNoticeDelegate(RefreshMails mails) {
        return execution -> mails.notifyCoordinators(refreshId(execution), (String) execution.getVariable("notice"));
    }

    @Bean
    TaskListener scheduleWrittenListener(RefreshSteps steps) {
        return task -> steps.writeSchedule(refreshId(task), task.getVariable("schedule"));
    }

    @Bean
    TaskListener respondingListener(RefreshSteps steps) {
        return task -> steps.moveTo(refreshId(task), RefreshStatus.RESPONDING);
    }

    @Bean
    TaskListener responsesCompleteListener(RefreshSteps steps) {
        return task -> steps.checkAllAnswered(refreshId(task));
    }

    @Bean
    TaskListener updatingListener(RefreshSteps steps) {
        return task -> steps.moveTo(refreshId(task), RefreshStatus.UPDATING_PLAN);
    }

    @Bean
    TaskListener changesAppliedListener(RefreshSteps steps) {
        return task -> steps.applyChanges(refreshId(task));
    }

    @Bean
    TaskListener submissionListener(RefreshSteps steps, CurrentUser currentUser) {
        return task -> steps.recordSubmission(refreshId(task), currentUser.completing(task));
    }
}
