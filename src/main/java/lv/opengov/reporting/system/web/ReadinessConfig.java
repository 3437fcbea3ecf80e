package lv.opengov.reporting.system.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The filters in front of every other (the login's among them): the {@link ReadinessGate}, and behind
 * it the {@link DatabaseOutageFilter}.
 */
@Configuration
class ReadinessConfig {

    @Bean
    ReadinessGate readinessGate(@Value("${reporting.startup.wait:PT60S}") Duration wait) {
        return new ReadinessGate(wait);
    }

    @Bean
    FilterRegistrationBean<ReadinessGate> readinessGateRegistration(ReadinessGate gate) {
        FilterRegistrationBean<ReadinessGate> registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** For requests only: the error page it asks for is rendered without the database. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(MessageSource messages,
            LocaleResolver localeResolver, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
                new DatabaseOutageFilter(messages, localeResolver, json, webappPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
