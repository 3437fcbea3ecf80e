package lv.opengov.reporting.refresh;

/** A request that does not fit the refresh's current step, e.g. an opinion outside co-creation: 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class RefreshConflictException extends RuntimeException {

    public RefreshConflictException(String message) {
        super(message);
    }
}
