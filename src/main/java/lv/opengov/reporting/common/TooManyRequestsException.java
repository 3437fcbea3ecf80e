package lv.opengov.reporting.common;

/** A caller sent more requests than allowed in the time window: 429. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS)
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException() {
        super("Too many requests");
    }
}
