package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans that only the measure-report model's earlier version names: its instances, started before the
 * cycle called its reports, keep running on it. That version told the cycle of a review in a step of
 * its own after the review; the review now announces itself ({@link ReportAccepted},
 * {@link ReportReturned}) as it completes, and these steps announce it once more, which changes
 * nothing twice (the return notice is queued once, the cycle moves on once).
 */
@Configuration
class EarlierReportModels {

    /** Earlier measure-report: "Tell the cycle" after an acceptance. */
    @Bean
    JavaDelegate reportAcceptedDelegate(ReportService reports) {
        return execution -> reports.announceReview(execution.getProcessBusinessKey());
    }

    /** Earlier measure-report: "Notify the institution" after a return. */
    @Bean
    JavaDelegate returnNotificationDelegate(ReportService reports) {
        return execution -> reports.announceReview(execution.getProcessBusinessKey());
    }
}
