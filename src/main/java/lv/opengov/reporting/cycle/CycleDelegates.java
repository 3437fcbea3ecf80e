package lv.opengov.reporting.cycle;

import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the reporting-cycle model, bound by expression ({@code ${openReportsDelegate}}).
 * Each reads the cycle id from the process and calls one step of {@link CycleService}; every step is
 * safe to run twice, since a failed job is retried.
 */
@Configuration
class CycleDelegates {

    /** The reporting-cycle instance's business key is its cycle's id. */
    static Long cycleId(DelegateExecution execution) {
        return Long.valueOf(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate openReportsDelegate(CycleService cycles) {
        return execution -> cycles.openReports(cycleId(execution));
    }

    @Bean
    JavaDelegate sendDueNoticesDelegate(CycleService cycles) {
        return execution -> cycles.sendDueNotices(cycleId(execution));
    }

    @Bean
    JavaDelegate buildOverviewDelegate(CycleService cycles) {
        return execution -> cycles.buildOverview(cycleId(execution));
    }

    @Bean
    JavaDelegate publishCycleDelegate(CycleService cycles) {
        return execution -> cycles.publish(cycleId(execution),
                (String) execution.getVariable("approvedBy"));
    }

    /** measure-report: after an acceptance, lets the cycle check whether every report is in. */
    @Bean
    JavaDelegate reportAcceptedDelegate(CycleService cycles, ReportService reports) {
        return execution -> cycles.onReportAccepted(reports.forProcessInstance(execution.getProcessInstanceId())
                .getCycleId());
    }

    /** measure-report: tells the institution that its report came back, with the reviewer's comment. */
    @Bean
    JavaDelegate returnNotificationDelegate(CycleService cycles, ReportService reports) {
        return execution -> {
            var report = reports.forProcessInstance(execution.getProcessInstanceId());
            cycles.notifyReturned(report.getCycleId(), report.getId());
        };
    }

    /** On the end of collection from the follow-up task: the cycle stops collecting at once. */
    @Bean
    org.camunda.bpm.engine.delegate.ExecutionListener collectionClosedListener(CycleService cycles) {
        return execution -> cycles.closeFromFollowUp(cycleId(execution));
    }
}
