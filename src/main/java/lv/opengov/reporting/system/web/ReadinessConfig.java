package lv.opengov.reporting.system.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The {@link ReadinessGate}, in front of every other filter (the login's among them). */
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
}
