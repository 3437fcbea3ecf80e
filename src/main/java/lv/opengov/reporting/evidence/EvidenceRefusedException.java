package lv.opengov.reporting.evidence;

import java.util.List;
import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.FieldProblems;
import lv.opengov.reporting.common.InvalidInputException;

/** A file refused (too large, disguised, of a kind not allowed, one too many) or a change refused: nothing changed. */
public class EvidenceRefusedException extends InvalidInputException implements FieldProblems {

    public EvidenceRefusedException(String message) {
        super(message, List.of(new ApiError.FieldProblem("file", message)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ApiError.FieldProblem> getProblems() {
        return (List<ApiError.FieldProblem>) getErrors();
    }
}
