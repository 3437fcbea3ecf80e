package lv.opengov.reporting.refresh;

import java.util.List;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.TaskInputRefusedException;

/** A refresh task that cannot be completed yet (an empty schedule, an opinion without a response). */
public class RefreshRefusedException extends TaskInputRefusedException {

    public RefreshRefusedException(List<FieldProblem> problems) {
        super(problems);
    }
}
