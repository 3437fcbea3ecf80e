package lv.opengov.reporting.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer of the JSON API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<?> errors) {

    /** One bad field of a request; serializable, as a page keeps it in the session for the page after a redirect. */
    public record FieldProblem(String field, String message) implements java.io.Serializable {
    }
}
