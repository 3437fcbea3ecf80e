package lv.opengov.reporting.common;

import java.util.List;

/**
 * Input that was refused and changed nothing. The API answers it with 400 and a body naming each
 * problem; features subclass it with their own detail records.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<?> errors;

    public InvalidInputException(String message, List<?> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<?> getErrors() {
        return errors;
    }
}
