package lv.opengov.reporting.cycle;

import lv.opengov.reporting.report.ReportHandOver;
import lv.opengov.reporting.report.ReportRow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The variables of the call from the cycle to a measure-report process
 * ({@code camunda:variableMappingDelegateExpression="${reportHandOver}"}): in, what the report's first
 * task needs ({@link ReportHandOver}), all transient, so that the called process stores no variable;
 * out, nothing: the report keeps its answers and decisions, and no variable collects results.
 */
@Component("reportHandOver")
class ReportHandOverMapping implements DelegateVariableMapping {

    private final ReportBatches batches;
    private final CycleForReports cycles;
    private final lv.opengov.reporting.report.ContributionHandOver contributions;
    private final lv.opengov.reporting.report.MeasureHeading heading;

    ReportHandOverMapping(ReportBatches batches, CycleForReports cycles,
            lv.opengov.reporting.report.ContributionHandOver contributions,
            lv.opengov.reporting.report.MeasureHeading heading) {
        this.heading = heading;
        this.contributions = contributions;
        this.batches = batches;
        this.cycles = cycles;
    }

    @Override
    public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
        Long cycleId = CycleDelegates.cycleId(superExecution);
        ReportBatches.Prepared prepared = batches.prepared(superExecution);
        ReportRow row = prepared.row();
        subVariables.putAll(ReportHandOver.firstTask(row, cycles.dueAt(row.dueDate()),
                cycles.followUpAt(cycleId, row.dueDate()), prepared.previous(), heading.of(row)));
        contributions.offer(lv.opengov.reporting.report.MeasureReportProcess.businessKey(cycleId, row.measureCode()), prepared.contributions());
    }

    @Override
    public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
        // nothing comes back
    }
}
