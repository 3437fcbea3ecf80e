package lv.opengov.reporting.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names each report task after its measure, so that a Tasklist list of twenty tasks can be told apart. */
@Component("reportTaskNamer")
class ReportTaskNamer implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object title = task.getVariable(MeasureReportProcess.VAR_MEASURE_TITLE);
        String prefix = MeasureReportProcess.TASK_REVIEW.equals(task.getTaskDefinitionKey())
                ? "Izvērtēt / Review: " : "Atskaite / Report: ";
        String businessKey = task.getExecution().getProcessBusinessKey();
        String name = prefix + (title == null ? businessKey.substring(businessKey.indexOf(':') + 1) : title);
        task.setName(name.length() > 250 ? name.substring(0, 249) + "…" : name);
    }
}
