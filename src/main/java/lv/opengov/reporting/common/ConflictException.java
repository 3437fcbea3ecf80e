package lv.opengov.reporting.common;

/** A request that does not fit the current step of what it acts on: answered with 409 and this message. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
