package lv.opengov.reporting.cycle;

import java.util.List;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How the reporting-cycle model corrects the reports sent back at the approval of its overview, asked
 * by its expressions ({@code ${reportCorrections.any(execution)}}): whether any were sent back (the
 * cycle is correcting), how many, and the business key of each call. All of it is read from the cycle
 * and its reports, never from a variable: the approval's form only names the measures, and its listener
 * records them on the reports before the gateway asks.
 */
@Component("reportCorrections")
public class ReportCorrections {

    /** The engine's index of an instance of a multi-instance activity. */
    private static final String LOOP_COUNTER = "loopCounter";

    private final CycleQuery cycles;
    private final ReportService reports;

    ReportCorrections(CycleQuery cycles, ReportService reports) {
        this.cycles = cycles;
        this.reports = reports;
    }

    /** Whether the approval sent reports back: the cycle is collecting their corrections. */
    public boolean any(DelegateExecution execution) {
        return cycles.find(CycleDelegates.cycleId(execution)).getStatus() == CycleStatus.CORRECTING;
    }

    /** How many reports were sent back, each to get a process of its own. */
    public int count(DelegateExecution execution) {
        return sentBack(execution).size();
    }

    /**
     * The business key of the report a call corrects. The calls start in the approval's transaction, in
     * which every report sent back is still returned, so that the list each call reads is the same.
     */
    public String businessKey(DelegateExecution execution) {
        return MeasureReportProcess.businessKey(CycleDelegates.cycleId(execution),
                sentBack(execution).get((Integer) execution.getVariable(LOOP_COUNTER)));
    }

    private List<String> sentBack(DelegateExecution execution) {
        return reports.sentBackCodes(CycleDelegates.cycleId(execution));
    }
}
