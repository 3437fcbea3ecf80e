package lv.opengov.reporting.system.web;

import lv.opengov.reporting.common.DatabaseUnavailable;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers 503 to a request that failed because the database cannot be reached, wherever on its way it
 * failed: at the login (the password is checked against the engine's identity service, in the
 * database), in Camunda's filters in front of its web apps and REST API, or in a page's controller. It
 * stands outside all of them, right behind the {@link ReadinessGate}, so that such a failure never
 * reaches the servlet container, which would log a stack trace and answer 500.
 *
 * <p>The JSON API gets its {@code ApiError}, the engine's REST API and the web apps' API a body shaped
 * as Camunda's errors, and a page's request a page of its own ({@link DatabaseOutage#page}; or the
 * {@code ApiError}, when a script asks a page's address for something other than HTML); each with the message in the
 * caller's language and a {@code Retry-After} ({@link DatabaseOutage}). Nothing is kept of the
 * failure: the next request asks the connection pool again, which reconnects once the database is back.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final String webappApi;

    public DatabaseOutageFilter(MessageSource messages, LocaleResolver locales, ObjectMapper json,
            String webappPath) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.webappApi = webappPath + "/api/";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            // once the answer has begun it cannot become a 503: the connection is cut, as for any failure
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            DatabaseOutage.logAnswered(request, e);
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = PATHS.getPathWithinApplication(request);
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage(DatabaseOutage.MESSAGE_KEY, null, locale);
        if (path.startsWith("/engine-rest/") || path.startsWith(webappApi)) {
            json.writeValue(begin(response, MediaType.APPLICATION_JSON_VALUE).getOutputStream(),
                    DatabaseOutage.engineError(message));
        } else if (path.startsWith("/api/") || !acceptsHtml(request)) {
            json.writeValue(begin(response, MediaType.APPLICATION_JSON_VALUE).getOutputStream(),
                    DatabaseOutage.apiError(message));
        } else {
            // a page of its own, written here: the error page of Spring Boot's error dispatch would pass
            // the session's filter (whose sessions, with the postgres profile, are in the database) and
            // the security chain again, and fail on the database a second time
            begin(response, MediaType.TEXT_HTML_VALUE).getWriter().write(DatabaseOutage.page(locale.getLanguage(),
                    request.getContextPath(), messages.getMessage("error.503.title", null, locale), message,
                    messages.getMessage("error.home", null, locale)));
        }
    }

    /** The answer so far discarded, and its status and headers set: 503, when to try again, the type. */
    private static HttpServletResponse begin(HttpServletResponse response, String contentType) {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    /** A browser asks for a page; a script asking a page's address for anything else gets JSON. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
