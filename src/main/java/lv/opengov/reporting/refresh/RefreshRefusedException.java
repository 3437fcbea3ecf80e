package lv.opengov.reporting.refresh;

import java.util.List;
import java.util.stream.Collectors;
import lv.opengov.reporting.system.ApiError.FieldProblem;
import lv.opengov.reporting.system.FieldProblems;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A refresh task that cannot be completed yet (an empty schedule, an opinion without a response).
 * Thrown from the task's complete listener, it fails the completion; the engine's REST API and
 * Tasklist answer it with 400 and this message.
 */
public class RefreshRefusedException extends BadUserRequestException implements FieldProblems {

    private final transient List<FieldProblem> problems;

    public RefreshRefusedException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<FieldProblem> getProblems() {
        return problems;
    }
}
