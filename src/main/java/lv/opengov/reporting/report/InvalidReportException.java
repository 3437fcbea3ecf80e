package lv.opengov.reporting.report;

import java.util.List;
import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.TaskInputRefusedException;

/** A submission or review that breaks the rules of the form. */
public class InvalidReportException extends TaskInputRefusedException {

    public InvalidReportException(List<ApiError.FieldProblem> problems) {
        super(problems);
    }
}
