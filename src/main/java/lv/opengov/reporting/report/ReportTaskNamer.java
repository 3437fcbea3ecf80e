package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names each report task after its measure, so that a Tasklist list of twenty tasks can be told apart. */
@Component("reportTaskNamer")
class ReportTaskNamer implements TaskListener {

    private final ReportService reports;

    ReportTaskNamer(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        ReportRow row = reports.rowForBusinessKey(task.getExecution().getProcessBusinessKey());
        String prefix = MeasureReportProcess.TASK_REVIEW.equals(task.getTaskDefinitionKey())
                ? "Izvērtēt / Review: " : "Atskaite / Report: ";
        String name = prefix + row.measureCode() + " " + row.title(java.util.Locale.forLanguageTag("lv"));
        task.setName(name.length() > 250 ? name.substring(0, 249) + "…" : name);
    }
}
