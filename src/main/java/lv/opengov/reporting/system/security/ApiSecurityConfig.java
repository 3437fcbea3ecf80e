package lv.opengov.reporting.system.security;

import lv.opengov.reporting.common.ClientAddress;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * The filter chains of the project's JSON API: one for scripts with HTTP Basic, one for the browser's
 * session. Both answer 401 and 403 as JSON ({@link SecurityAnswers}).
 */
@Configuration
class ApiSecurityConfig {

    /** The JSON API called with HTTP Basic: no session read or written, so no CSRF token needed. */
    @Bean
    @Order(3)
    SecurityFilterChain apiWithBasic(HttpSecurity http, SecurityAnswers answers, ClientAddress clientAddress)
            throws Exception {
        http.securityMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        ApiSecurityConfig::sendsBasicCredentials))
                .authorizeHttpRequests(ApiSecurityConfig::apiRules)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(answers.unauthorized())
                        .accessDeniedHandler(answers.forbidden()));
        return SecurityConfig.basicWithoutSession(http, answers.unauthorized(), clientAddress).build();
    }

    /** The JSON API from the browser: the session of our login, with the CSRF token. */
    @Bean
    @Order(4)
    SecurityFilterChain api(HttpSecurity http, SecurityAnswers answers) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .authorizeHttpRequests(ApiSecurityConfig::apiRules)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(answers.unauthorized())
                        .accessDeniedHandler(answers.forbidden()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/api/refreshes/{id}/opinions")))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void apiRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        // the public sends opinions on a plan refresh without an account
        auth.requestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/api/refreshes/{id}/opinions")).permitAll()
                .anyRequest().authenticated();
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
