package lv.opengov.reporting.system.security;

import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.identity.LoginThrottledException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** The JSON answers of the API and the engine's REST API to a caller who has not logged in (401) or may not (403). */
@Component
class SecurityAnswers {

    private final ObjectMapper json;
    private final MessageSource messages;
    private final CurrentUser currentUser;

    SecurityAnswers(ObjectMapper json, MessageSource messages, CurrentUser currentUser) {
        this.json = json;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            // No Basic challenge for browsers: a password typed into the browser's own prompt would be
            // sent with every later request, forged ones included, past the CSRF check. Browsers mark
            // every request, pages and scripts alike, with Sec-Fetch-Mode; scripts and tools do not.
            String accept = request.getHeader("Accept");
            if (request.getHeader("Sec-Fetch-Mode") == null && (accept == null || !accept.contains("text/html"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"reporting\", charset=\"UTF-8\"");
            }
            String key = e instanceof LoginThrottledException ? "api.login-throttled" : "api.unauthorized";
            write(response, HttpStatus.UNAUTHORIZED, key);
        };
    }

    /** 403, except for a caller who has not logged in (refused by the CSRF check first): 401. */
    AccessDeniedHandler forbidden() {
        AuthenticationEntryPoint unauthorized = unauthorized();
        return (request, response, e) -> {
            if (!currentUser.isLoggedIn()) {
                unauthorized.commence(request, response, new InsufficientAuthenticationException(e.getMessage()));
                return;
            }
            write(response, HttpStatus.FORBIDDEN, "api.forbidden");
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, String messageKey) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ApiError(status.value(), status.getReasonPhrase(),
                messages.getMessage(messageKey, null, LocaleContextHolder.getLocale()), List.of()));
    }
}
