package lv.opengov.reporting.refresh;

import java.util.List;
import lv.opengov.reporting.report.InvalidReportException;
import lv.opengov.reporting.system.ApiError.FieldProblem;

/**
 * A refresh task that cannot be completed yet (an empty schedule, an opinion without a response).
 * Thrown from the task's complete listener, it fails the completion; Tasklist shows the message.
 */
public class RefreshRefusedException extends InvalidReportException {

    public RefreshRefusedException(List<FieldProblem> problems) {
        super(problems);
    }
}
