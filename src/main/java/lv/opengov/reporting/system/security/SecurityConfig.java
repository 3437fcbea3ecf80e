package lv.opengov.reporting.system.security;

import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.ClientAddress;
import lv.opengov.reporting.system.engine.EngineLocaleFilter;
import lv.opengov.reporting.system.engine.TaskInputGuard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.identity.LoginThrottledException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
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
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Security on by default, with one login for everything. Our own login (the form of the start page,
 * or HTTP Basic for scripts) authenticates every request; Camunda's web apps and its REST API take
 * the user from it (Camunda's container-based authentication), so that logging in once opens
 * Tasklist, Cockpit and Admin, and logging out of any of them ends the one session. The engine's
 * authorizations apply to every engine call. The project's JSON API answers 401 and 403 as JSON;
 * the public pages and the health check are open.
 *
 * <p>CSRF: a request that authenticates with HTTP Basic is served without a session (it cannot be
 * forged by another site: browsers never add that header on their own once no Basic challenge is
 * sent to them), so it needs no token; a request that rides on the session must carry the token.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The engine's REST API: HTTP Basic on each request, no session, the usual headers. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, ObjectMapper json, MessageSource messages,
            ClientAddress clientAddress) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        // checks any account's password, past the login throttle
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/identity/verify"),
                                PathPatternRequestMatcher.withDefaults()
                                        .matcher("/engine-rest/engine/{engine}/identity/verify"))
                        .denyAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized(json, messages)));
        return basicWithoutSession(http, unauthorized(json, messages), clientAddress).build();
    }

    /**
     * Camunda's web apps: the pages need our login (anonymous visitors are sent to it, never to
     * Camunda's own login form); Camunda keeps its own CSRF protection and headers for its API, and
     * its logout ends our session too.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectMapper json, MessageSource messages) throws Exception {
        var unauthorized = unauthorized(json, messages);
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/app/*/styles/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/app/*/assets/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/app/*/fonts/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/lib/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/assets/**"))
                        .permitAll()
                        // Camunda's own login form would check passwords past our throttle
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher("/camunda/api/admin/auth/user/*/login/**"),
                                PathPatternRequestMatcher.withDefaults()
                                        .matcher("/camunda/api/engine/engine/{engine}/identity/verify")).denyAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(unauthorized,
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .logout(logout -> logout
                        // with the web apps' CSRF token, as their own API asks for it
                        .logoutRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"),
                                SecurityConfig::carriesCamundaCsrfToken))
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpServletResponse.SC_OK)))
                // Camunda's CsrfPreventionFilter guards its API, and its header filter sets the web
                // apps' content security policy; ours adds what it leaves out
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.defaultsDisabled()
                        .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** The JSON API called with HTTP Basic: no session read or written, so no CSRF token needed. */
    @Bean
    @Order(3)
    SecurityFilterChain apiWithBasic(HttpSecurity http, ObjectMapper json, MessageSource messages,
            ClientAddress clientAddress, CurrentUser currentUser) throws Exception {
        http.securityMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        SecurityConfig::sendsBasicCredentials))
                .authorizeHttpRequests(SecurityConfig::apiRules)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized(json, messages))
                        .accessDeniedHandler(forbidden(json, messages, currentUser)));
        return basicWithoutSession(http, unauthorized(json, messages), clientAddress).build();
    }

    /** HTTP Basic on each request, no session read or written, so no CSRF token; the usual headers. */
    private static HttpSecurity basicWithoutSession(HttpSecurity http, AuthenticationEntryPoint unauthorized,
            ClientAddress clientAddress) throws Exception {
        return http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized)
                        .authenticationDetailsSource(clientAddress::details))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfig::headers);
    }

    /** The JSON API from the browser: the session of our login, with the CSRF token. */
    @Bean
    @Order(4)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, MessageSource messages, CurrentUser currentUser)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .authorizeHttpRequests(SecurityConfig::apiRules)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized(json, messages))
                        .accessDeniedHandler(forbidden(json, messages, currentUser)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/api/refreshes/{id}/opinions")))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain pages(HttpSecurity http, ClientAddress clientAddress) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // error pages are rendered for others' requests, never asked for directly
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").denyAll()
                        .requestMatchers("/public/**", "/actuator/health/**", "/actuator/info", "/login",
                                "/css/**", "/js/**", "/img/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false)
                        .authenticationDetailsSource(clientAddress::details))
                // scripts and tests may send credentials with each request; browsers get the login form
                .httpBasic(basic -> basic.authenticationDetailsSource(clientAddress::details))
                .logout(logout -> logout.logoutSuccessUrl("/public"))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /**
     * Camunda's web apps and REST API take the user our login established: the web apps keep it in
     * their session from the first request on, the REST API takes it on each request.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("camunda-webapp-container-auth");
        registration.setFilter(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setUrlPatterns(List.of("/camunda/app/*", "/camunda/api/*"));
        // after Spring Security's filter chain, before Camunda's own authentication filter
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("camunda-rest-auth");
        registration.setFilter(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setUrlPatterns(List.of("/engine-rest/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** What users send to the engine: only their task's or start form's fields ({@link TaskInputGuard}). */
    @Bean
    FilterRegistrationBean<TaskInputGuard> taskInputGuard(TaskService taskService, RepositoryService repositoryService,
            FormService formService, IdentityService identityService, ObjectMapper json, MessageSource messages) {
        FilterRegistrationBean<TaskInputGuard> registration = new FilterRegistrationBean<>(new TaskInputGuard(
                taskService, repositoryService, formService, identityService, json, messages));
        registration.setName("task-input-guard");
        registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/engine/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineLocaleFilter> engineLocale() {
        FilterRegistrationBean<EngineLocaleFilter> registration = new FilterRegistrationBean<>(new EngineLocaleFilter());
        registration.setName("engine-locale");
        registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    private static void apiRules(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                    .AuthorizationManagerRequestMatcherRegistry auth) {
        // the public sends opinions on a plan refresh without an account
        auth.requestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/api/refreshes/{id}/opinions")).permitAll()
                .anyRequest().authenticated();
    }

    private static boolean carriesCamundaCsrfToken(HttpServletRequest request) {
        var session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute("CAMUNDA_CSRF_TOKEN");
        String given = request.getHeader("X-XSRF-TOKEN");
        return expected != null && given != null && java.security.MessageDigest.isEqual(
                expected.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny());
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json, MessageSource messages) {
        return (request, response, e) -> {
            // No Basic challenge for browsers: a password typed into the browser's own prompt would be
            // sent with every later request, forged ones included, past the CSRF check. Browsers mark
            // every request, pages and scripts alike, with Sec-Fetch-Mode; scripts and tools do not.
            String accept = request.getHeader("Accept");
            if (request.getHeader("Sec-Fetch-Mode") == null && (accept == null || !accept.contains("text/html"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"reporting\", charset=\"UTF-8\"");
            }
            String key = e instanceof LoginThrottledException ? "api.login-throttled" : "api.unauthorized";
            write(response, json, HttpStatus.UNAUTHORIZED, messages.getMessage(key, null,
                    LocaleContextHolder.getLocale()));
        };
    }

    /** 403, except for a caller who has not logged in (refused by the CSRF check first): 401. */
    private static AccessDeniedHandler forbidden(ObjectMapper json, MessageSource messages, CurrentUser currentUser) {
        AuthenticationEntryPoint unauthorized = unauthorized(json, messages);
        return (request, response, e) -> {
            if (!currentUser.isLoggedIn()) {
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
