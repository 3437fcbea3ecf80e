package lv.opengov.reporting.system.web;

import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.DatabaseUnavailable;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * What every answer to a request that failed for want of the database ({@link DatabaseUnavailable})
 * shares, whichever layer gives it ({@link DatabaseOutageFilter}, the API's exception handler, the
 * engine's REST API): status 503, a {@code Retry-After}, the message in the caller's language with no
 * SQL or exception in it, and one line in the log. The line is a warning without a stack trace: an
 * outage fails every request alike, and a trace for each would bury the one line that says when it
 * began and what the driver said.
 */
public final class DatabaseOutage {

    /** The message key, in the messages of both languages. */
    public static final String MESSAGE_KEY = "api.database-unavailable";
    /** Seconds a client should wait before trying again: the connection pool tries to reconnect meanwhile. */
    public static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final HttpStatus STATUS = HttpStatus.SERVICE_UNAVAILABLE;

    private DatabaseOutage() {
    }

    /** The JSON API's body ({@link ApiError}). */
    public static ApiError apiError(String message) {
        return new ApiError(STATUS.value(), STATUS.getReasonPhrase(), message, List.of());
    }

    /**
     * The engine's REST API's body, shaped as Camunda's own errors ({@code type}, {@code message}), which
     * Tasklist and Cockpit show; the type names what happened, not an exception class.
     */
    public static Map<String, Object> engineError(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ServiceUnavailable");
        body.put("message", message);
        return body;
    }

    /**
     * The page a browser gets: the message in the caller's language, with the service's style sheet
     * and a way back to the start page; the texts escaped, though they are the service's own.
     */
    public static String page(String language, String contextPath, String title, String message, String home) {
        String escapedTitle = HtmlUtils.htmlEscape(title, "UTF-8");
        return "<!DOCTYPE html>\n<html lang=\"" + HtmlUtils.htmlEscape(language, "UTF-8") + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escapedTitle + "</title><link rel=\"stylesheet\" href=\"" + contextPath
                + "/css/app.css\"></head>\n<body><main id=\"main\"><h1>" + escapedTitle + "</h1>"
                + "<p role=\"alert\">" + HtmlUtils.htmlEscape(message, "UTF-8") + "</p>"
                + "<p><a href=\"" + contextPath + "/\">" + HtmlUtils.htmlEscape(home, "UTF-8") + "</a></p>"
                + "</main></body></html>\n";
    }

    /** The one log line of the request: what was asked and what the driver or the pool said last. */
    public static void logAnswered(HttpServletRequest request, Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        log.warn("{} answered 503, the database is unavailable: {}: {}", request == null ? "A request"
                : request.getMethod() + " " + request.getRequestURI(), cause.getClass().getSimpleName(),
                cause.getMessage());
    }

    /** {@link #logAnswered(HttpServletRequest, Throwable)} for the request being served on this thread. */
    public static void logAnswered(Throwable failure) {
        logAnswered(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null, failure);
    }
}
