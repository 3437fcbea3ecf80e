package lv.opengov.reporting.cycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.report.MeasureReport;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ContributionRow;
import lv.opengov.reporting.report.ContributionService;
import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How the reporting-cycle model calls its reports: in batches, each in a job of its own that starts
 * one measure-report process per report of the batch still to start (none yet, not withdrawn). A
 * batch is a range of report ids, kept as the batch instance's element variable, so that a batch
 * always means the same reports, whatever the batch size is when it runs. Asked by the model's
 * expressions ({@code ${reportBatches.of(execution)}}); the lists are computed, never stored.
 *
 * <p>A batch's reports, and the previous cycle's answers on their measures, are read in one go when the
 * batch starts ({@link #reportsToStart}) and kept for that transaction only: each call finds its report
 * by its loop counter ({@link #prepared}), with what its first task needs, without reading it again.
 */
@Component("reportBatches")
public class ReportBatches {

    /** The engine's index of an instance of a multi-instance activity. */
    private static final String LOOP_COUNTER = "loopCounter";

    /** What a report's call needs, read with the rest of its batch. */
    record Prepared(ReportRow row, MeasureReport previous, List<ContributionRow> contributions) {
    }

    private final ReportService reports;
    private final CycleProperties properties;
    private final ContributionService contributions;

    ReportBatches(ReportService reports, CycleProperties properties, ContributionService contributions) {
        this.reports = reports;
        this.properties = properties;
        this.contributions = contributions;
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

    /**
     * How many reports of the execution's batch are to get their process now: read with what their
     * first tasks need, for the calls that follow in this transaction.
     */
    public int reportsToStart(DelegateExecution execution) {
        return batch(execution).size();
    }

    /** The business key of the measure-report process the execution calls: {@code <cycleId>:<measureCode>}. */
    public String businessKey(DelegateExecution execution) {
        return MeasureReportProcess.businessKey(CycleDelegates.cycleId(execution),
                prepared(execution).row().measureCode());
    }

    /** What the execution's call needs: its report, read with its batch. */
    Prepared prepared(DelegateExecution execution) {
        return batch(execution).get((Integer) execution.getVariable(LOOP_COUNTER));
    }

    /** The reports of the execution's batch still to start, read once per transaction. */
    private List<Prepared> batch(DelegateExecution execution) {
        Long cycleId = CycleDelegates.cycleId(execution);
        String batch = (String) execution.getVariable(ReportingCycleProcess.VAR_REPORT_BATCH);
        return preparedInThisTransaction().computeIfAbsent(cycleId + ":" + batch, key -> {
            int dash = batch.indexOf('-');
            Long fromId = Long.valueOf(batch.substring(0, dash));
            Long toId = Long.valueOf(batch.substring(dash + 1));
            List<ReportRow> rows = reports.rowsToStart(cycleId, fromId, toId);
            Map<String, MeasureReport> previous = reports.previousAccepted(cycleId,
                    rows.stream().map(ReportRow::measureCode).toList());
            Map<Long, List<ContributionRow>> contributing = contributions.rowsOfReports(cycleId, fromId, toId).stream()
                    .collect(java.util.stream.Collectors.groupingBy(ContributionRow::reportId));
            return rows.stream().map(row -> new Prepared(row, previous.get(row.measureCode()),
                    contributing.getOrDefault(row.reportId(), List.of()))).toList();
        });
    }

    /**
     * The batches read in the current transaction. The calls of a batch run in the transaction that
     * starts it, so they find it here; it is gone with the transaction, and a batch run again (after a
     * failure) reads its reports afresh.
     */
    private Map<String, List<Prepared>> preparedInThisTransaction() {
        return lv.opengov.reporting.common.TransactionScoped.get(this, HashMap::new,
                "A cycle's reports are started within a transaction");
    }
}
