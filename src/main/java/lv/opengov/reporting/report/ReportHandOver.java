package lv.opengov.reporting.report;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What the process that starts a measure report hands its first submit-report task, as transient
 * variables that are never stored: the report's id, the institution's group, the due and follow-up
 * dates, the task's name and the previous cycle's accepted answers. Starting a cycle's ten thousand
 * reports then reads nothing back for the first task; later tasks (after a return) read the report. A
 * stored variable of one of these names, which a task's user could have written, is never read.
 */
public final class ReportHandOver {

    public static final String GROUP = "taskGroup";
    public static final String DUE = "taskDue";
    public static final String FOLLOW_UP = "taskFollowUp";
    public static final String NAME = "taskName";
    public static final String REPORT_ID = "taskReportId";
    public static final String HEADING = "taskMeasureHeading";

    private ReportHandOver() {
    }

    /**
     * The transient variables of a report's first task.
     *
     * @param followUp null when the cycle sends no reminder for the report's deadline
     * @param previous the measure's latest accepted report of an earlier cycle; null when none
     * @param heading  what the form shows of the measure first ({@link MeasureHeading})
     */
    public static VariableMap firstTask(ReportRow row, Date due, Date followUp, MeasureReport previous,
            String heading) {
        VariableMap variables = Variables.createVariables()
                .putValueTyped(REPORT_ID, Variables.longValue(row.reportId(), true))
                .putValueTyped(GROUP, Variables.stringValue(
                        lv.opengov.reporting.plan.Institution.groupIdFor(row.institution()), true))
                .putValueTyped(DUE, Variables.dateValue(due, true))
                .putValueTyped(FOLLOW_UP, Variables.dateValue(followUp, true))
                .putValueTyped(NAME, Variables.stringValue(ReportTaskNames.submitName(row), true))
                .putValueTyped(HEADING, Variables.stringValue(heading, true));
        if (previous != null) {
            previous.getAnswers().asFormValues().forEach((name, value) ->
                    variables.putValueTyped(name, Variables.untypedValue(value, true)));
        }
        return variables;
    }

    /**
     * A value handed over unstored, or null. A REST caller could send a transient value too; only the
     * input guard's rule (a form's fields and nothing else) keeps these names out.
     */
    public static Object handedOver(VariableScope scope, String name) {
        TypedValue value = scope.getVariableTyped(name);
        return value != null && value.isTransient() ? value.getValue() : null;
    }

    /** Whether the scope was handed the first task's values: the first task of a report, just started. */
    static boolean isFirstTask(VariableScope scope) {
        return handedOver(scope, NAME) != null;
    }
}
