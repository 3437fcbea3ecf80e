package lv.opengov.reporting.common;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * What a task's user sent breaks the rules of its form (a submission, a review, a refresh step).
 * Thrown from the task's complete listener, it fails the completion: the task stays open and
 * nothing is stored. The engine's REST API, and so Tasklist, answers it with 400 and this message,
 * which names each bad field.
 */
public class TaskInputRefusedException extends BadUserRequestException implements FieldProblems {

    private final transient List<ApiError.FieldProblem> problems;

    public TaskInputRefusedException(List<ApiError.FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<ApiError.FieldProblem> getProblems() {
        return problems;
    }
}
