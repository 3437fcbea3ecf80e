package lv.opengov.reporting.common;

import java.util.List;

/** An exception that names each bad field of what a user sent; answered with 400 wherever it surfaces. */
public interface FieldProblems {

    List<ApiError.FieldProblem> getProblems();
}
