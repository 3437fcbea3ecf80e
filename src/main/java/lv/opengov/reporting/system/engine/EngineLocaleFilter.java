package lv.opengov.reporting.system.engine;

import lv.opengov.reporting.system.web.WebConfig;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API and Tasklist's calls are served outside Spring MVC, so our language rule
 * (Latvian unless the caller asks for English) is applied here for the messages our task listeners
 * write, instead of the server's own default.
 */
public class EngineLocaleFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(WebConfig.preferredLocale(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
