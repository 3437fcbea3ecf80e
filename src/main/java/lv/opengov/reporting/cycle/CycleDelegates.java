package lv.opengov.reporting.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the reporting-cycle model, bound by expression ({@code ${openReportsDelegate}}).
 * Each reads the cycle id from the process and calls one step of {@link CycleSteps}; every step is
 * safe to run twice, since a failed job is retried.
 */
@Configuration
class CycleDelegates {

    /** The reporting-cycle instance's business key is its cycle's id. */
    static Long cycleId(DelegateExecution execution) {
        return ReportingCycleProcess.cycleIdOf(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate openReportsDelegate(CycleSteps cycles) {
        return execution -> cycles.openReports(cycleId(execution));
    }

    @Bean
    JavaDelegate sendDueNoticesDelegate(CycleSteps cycles) {
        return execution -> cycles.sendDueNotices(cycleId(execution));
    }

    @Bean
    JavaDelegate withdrawOpenReportsDelegate(CycleSteps cycles) {
        return execution -> cycles.withdrawOpenReports(cycleId(execution));
    }

    /** The same step as the model's earlier version names it ("Build the overview"). */
    @Bean
    JavaDelegate buildOverviewDelegate(CycleSteps cycles) {
        return execution -> cycles.withdrawOpenReports(cycleId(execution));
    }

    /**
     * Publishes as the approval recorded on the cycle; the variable is read only for a cycle approved
     * in the model's earlier version, which kept the approver there alone.
     */
    @Bean
    JavaDelegate publishCycleDelegate(CycleSteps cycles) {
        return execution -> cycles.publish(cycleId(execution),
                (String) execution.getVariable("approvedBy"));
    }

    /** The approval reached its due day still open: every coordinator is reminded. */
    @Bean
    JavaDelegate approvalReminderDelegate(CycleSteps cycles) {
        return execution -> cycles.remindApprovers(cycleId(execution), false);
    }

    /** The approval is past its due day: every coordinator is told it is overdue. */
    @Bean
    JavaDelegate approvalEscalationDelegate(CycleSteps cycles) {
        return execution -> cycles.remindApprovers(cycleId(execution), true);
    }

    /** On the end of collection from the follow-up task: the cycle stops collecting at once. */
    @Bean
    org.camunda.bpm.engine.delegate.ExecutionListener collectionClosedListener(CycleSteps cycles) {
        return execution -> cycles.closeFromFollowUp(cycleId(execution));
    }
}
