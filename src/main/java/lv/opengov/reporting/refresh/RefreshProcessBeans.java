package lv.opengov.reporting.refresh;

import lv.opengov.reporting.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of the plan-refresh model, bound by expression. */
@Configuration
class RefreshProcessBeans {

    /** The refresh a plan-refresh process works on, by its business key. */
    static Long refreshId(DelegateExecution execution) {
        return PlanRefreshProcess.refreshIdOf(execution.getProcessBusinessKey());
    }

    static Long refreshId(org.camunda.bpm.engine.delegate.DelegateTask task) {
        return refreshId(task.getExecution());
    }


    /** The start form's fields, taken off the process once the refresh is recorded. */
    static final java.util.List<String> START_FIELDS = java.util.List.of("coCreationStart", "coCreationEnd",
            "ogpDeadline");

    /**
     * On the start event: a refresh started from Tasklist's start form is checked and recorded here,
     * in the starting transaction; one started through the API has been recorded already.
     */
    @Bean
    ExecutionListener refreshStartListener(RefreshService refreshes, CurrentUser currentUser) {
        return execution -> {
            org.camunda.bpm.engine.variable.value.TypedValue given =
                    execution.getVariableTyped(PlanRefreshProcess.VAR_REFRESH_ID);
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
    JavaDelegate publishScheduleDelegate(RefreshService refreshes) {
        return execution -> refreshes.publishSchedule(refreshId(execution));
    }

    @Bean
    JavaDelegate publishOpinionsDelegate(RefreshService refreshes) {
        return execution -> refreshes.publishOpinionsAndChanges(refreshId(execution));
    }

    /** Mails the coordinators; the kind comes from the element's input ({@code notice}). */
    @Bean
    JavaDelegate refreshNoticeDelegate(RefreshService refreshes) {
        return execution -> refreshes.notifyCoordinators(refreshId(execution), (String) execution.getVariable("notice"));
    }

    @Bean
    TaskListener scheduleWrittenListener(RefreshService refreshes) {
        return task -> refreshes.writeSchedule(refreshId(task), task.getVariable("schedule"));
    }

    @Bean
    TaskListener respondingListener(RefreshService refreshes) {
        return task -> refreshes.moveTo(refreshId(task), RefreshStatus.RESPONDING);
    }

    @Bean
    TaskListener responsesCompleteListener(RefreshService refreshes) {
        return task -> refreshes.checkAllAnswered(refreshId(task));
    }

    @Bean
    TaskListener updatingListener(RefreshService refreshes) {
        return task -> refreshes.moveTo(refreshId(task), RefreshStatus.UPDATING_PLAN);
    }

    @Bean
    TaskListener changesAppliedListener(RefreshService refreshes) {
        return task -> refreshes.applyChanges(refreshId(task));
    }

    @Bean
    TaskListener submissionListener(RefreshService refreshes, CurrentUser currentUser) {
        return task -> refreshes.recordSubmission(refreshId(task), currentUser.completing(task));
    }
}
