package lv.opengov.reporting.system.security;

import lv.opengov.reporting.system.engine.EngineLocaleFilter;
import lv.opengov.reporting.system.engine.TaskInputGuard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters after Spring Security's chain on the engine's paths: Camunda's web apps and REST API take
 * the user our login established, the engine's messages follow the caller's language, and what users
 * send to the engine is guarded ({@link TaskInputGuard}).
 */
@Configuration
class EngineFilterConfig {

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
}
