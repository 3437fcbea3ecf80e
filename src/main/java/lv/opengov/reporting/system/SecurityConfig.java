package lv.opengov.reporting.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Security on by default. Camunda's web apps keep their own login and CSRF protection; the engine's
 * REST API is guarded by Camunda's HTTP Basic filter, so that the engine's authorizations apply to
 * each call; the project's JSON API takes HTTP Basic or the session of our own login page and answers
 * 401 and 403 as JSON; the public pages and the health check are open.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // Path patterns, not MVC matchers: /engine-rest is served by Camunda's JAX-RS servlet.
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, MessageSource messages) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .authorizeHttpRequests(auth -> auth
                        // the public sends opinions on a plan refresh without an account
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/api/refreshes/{id}/opinions"))
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json, messages)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized(json, messages))
                        .accessDeniedHandler(forbidden(json, messages)))
                // Clients that send credentials with each request cannot be led by a forged page;
                // requests that ride on the browser session must carry the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null,
                        PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/api/refreshes/{id}/opinions")))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/public/**", "/actuator/health/**", "/actuator/info", "/login", "/error",
                                "/css/**", "/js/**", "/img/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                // scripts and tests may send credentials with each request; browsers get the login form
                .httpBasic(org.springframework.security.config.Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/public"));
        return http.build();
    }

    /** Camunda's own HTTP Basic authentication for {@code /engine-rest}, checked against its identity service. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("camunda-rest-auth");
        registration.setFilter(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setUrlPatterns(List.of("/engine-rest/*"));
        return registration;
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json, MessageSource messages) {
        return (request, response, e) -> {
            // No Basic challenge for browsers: a password typed into the browser's own prompt would be
            // sent with every later request, forged ones included, past the CSRF check.
            String accept = request.getHeader("Accept");
            if (accept == null || !accept.contains("text/html")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"reporting\", charset=\"UTF-8\"");
            }
            write(response, json, HttpStatus.UNAUTHORIZED, messages.getMessage("api.unauthorized", null,
                    LocaleContextHolder.getLocale()));
        };
    }

    /** 403, except for a caller who has not logged in (refused by the CSRF check first): 401. */
    private static AccessDeniedHandler forbidden(ObjectMapper json, MessageSource messages) {
        AuthenticationEntryPoint unauthorized = unauthorized(json, messages);
        return (request, response, e) -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
                unauthorized.commence(request, response, new InsufficientAuthenticationException(e.getMessage()));
                return;
            }
            write(response, json, HttpStatus.FORBIDDEN,
                    messages.getMessage("api.forbidden", null, LocaleContextHolder.getLocale()));
        };
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                new ApiError(status.value(), status.getReasonPhrase(), message, List.of()));
    }
}
