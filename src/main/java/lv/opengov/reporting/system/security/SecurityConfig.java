package lv.opengov.reporting.system.security;

import lv.opengov.reporting.common.ClientAddress;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

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
 *
 * <p>The chains, first match wins: the engine's REST API and Camunda's web apps
 * ({@link EngineSecurityConfig}), the JSON API with Basic and with the session
 * ({@link ApiSecurityConfig}), and last the pages, here. The filters behind them on the engine's paths
 * are {@link EngineFilterConfig}'s.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(5)
    SecurityFilterChain pages(HttpSecurity http, ClientAddress clientAddress) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // error pages are rendered for others' requests, never asked for directly
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
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

    /** HTTP Basic on each request, no session read or written, so no CSRF token; the usual headers. */
    static HttpSecurity basicWithoutSession(HttpSecurity http, AuthenticationEntryPoint unauthorized,
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

    /** Our pages' and API's headers: the content security policy, no referrer to other sites, no framing. */
    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny());
    }
}
