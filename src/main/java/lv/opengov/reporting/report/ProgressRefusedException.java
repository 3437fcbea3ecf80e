package lv.opengov.reporting.report;

import java.util.Map;

/** Milestone states or indicator values refused, each problem by its form field; nothing was saved. */
public class ProgressRefusedException extends RuntimeException {

    private final transient Map<String, String> problems;

    ProgressRefusedException(Map<String, String> problems) {
        super("Progress refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** The message for each refused field, by the field's name in the progress form. */
    public Map<String, String> problems() {
        return problems;
    }
}
