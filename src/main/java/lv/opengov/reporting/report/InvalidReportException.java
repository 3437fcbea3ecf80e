package lv.opengov.reporting.report;

import java.util.List;
import java.util.stream.Collectors;
import lv.opengov.reporting.system.ApiError;
import lv.opengov.reporting.system.FieldProblems;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission or review that breaks the rules of the form. Thrown from the task's complete listener,
 * it fails the completion: the task stays open and nothing is stored. The engine's REST API (and so
 * Tasklist) answers it with 400 and this message, which names each bad field.
 */
public class InvalidReportException extends BadUserRequestException implements FieldProblems {

    private final transient List<ApiError.FieldProblem> problems;

    public InvalidReportException(List<ApiError.FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<ApiError.FieldProblem> getProblems() {
        return problems;
    }
}
