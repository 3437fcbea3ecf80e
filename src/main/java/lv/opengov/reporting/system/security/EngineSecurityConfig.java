package lv.opengov.reporting.system.security;

import lv.opengov.reporting.common.ClientAddress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/** The filter chains of the engine's REST API and of Camunda's web apps, which take the user from our login. */
@Configuration
class EngineSecurityConfig {

    /** The engine's REST API: HTTP Basic on each request, no session, the usual headers. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, SecurityAnswers answers, ClientAddress clientAddress)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        // checks any account's password, past the login throttle
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/identity/verify"),
                                PathPatternRequestMatcher.withDefaults()
                                        .matcher("/engine-rest/engine/{engine}/identity/verify"))
                        .denyAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(answers.unauthorized()));
        return SecurityConfig.basicWithoutSession(http, answers.unauthorized(), clientAddress).build();
    }

    /**
     * Camunda's web apps: the pages need our login (anonymous visitors are sent to it, never to
     * Camunda's own login form); Camunda keeps its own CSRF protection and headers for its API, and
     * its logout ends our session too.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, SecurityAnswers answers) throws Exception {
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
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(answers.unauthorized(),
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .logout(logout -> logout
                        // with the web apps' CSRF token, as their own API asks for it
                        .logoutRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"),
                                EngineSecurityConfig::carriesCamundaCsrfToken))
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpServletResponse.SC_OK)))
                // Camunda's CsrfPreventionFilter guards its API, and its header filter sets the web
                // apps' content security policy; ours adds what it leaves out
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.defaultsDisabled()
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    private static boolean carriesCamundaCsrfToken(HttpServletRequest request) {
        var session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute("CAMUNDA_CSRF_TOKEN");
        String given = request.getHeader("X-XSRF-TOKEN");
        return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
