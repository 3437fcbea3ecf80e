package lv.opengov.reporting.cycle;

import java.util.ArrayList;
import java.util.List;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How the reporting-cycle model calls its reports: in batches, each started in a job of its own and
 * starting one measure-report process per report in a job of its own. A batch is a range of report
 * ids, kept as the batch instance's element variable, so that a batch always means the same reports,
 * whatever the batch size is when it runs. Asked by the model's expressions
 * ({@code ${reportBatches.of(execution)}}); the lists are computed, never stored.
 */
@Component("reportBatches")
public class ReportBatches {

    private final ReportService reports;
    private final CycleProperties properties;

    ReportBatches(ReportService reports, CycleProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    /** The cycle's reports in batches, each as {@code <first report id>-<last report id>}. */
    public List<String> of(DelegateExecution execution) {
        List<Long> ids = reports.reportIds(CycleDelegates.cycleId(execution));
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += properties.reportBatchSize()) {
            int to = Math.min(from + properties.reportBatchSize(), ids.size()) - 1;
            batches.add(ids.get(from) + "-" + ids.get(to));
        }
        return batches;
    }

    /** The measure codes of the reports of the execution's batch, in the order they were opened. */
    public List<String> measureCodes(DelegateExecution execution) {
        String batch = (String) execution.getVariable(ReportingCycleProcess.VAR_REPORT_BATCH);
        int dash = batch.indexOf('-');
        return reports.measureCodes(CycleDelegates.cycleId(execution), Long.valueOf(batch.substring(0, dash)),
                Long.valueOf(batch.substring(dash + 1)));
    }

    /** The business key of the measure-report process the execution calls: {@code <cycleId>:<measureCode>}. */
    public String businessKey(DelegateExecution execution) {
        return MeasureReportProcess.businessKey(CycleDelegates.cycleId(execution), measureCode(execution));
    }

    static String measureCode(DelegateExecution execution) {
        return (String) execution.getVariable(ReportingCycleProcess.VAR_MEASURE_CODE);
    }
}
