package lv.opengov.reporting.report;

import jakarta.annotation.Priority;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import jakarta.servlet.ServletRegistration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps what a task listener throws, so a refused submission would reach Tasklist as a
 * server error. This mapper answers it as what it is: 400, with our message naming each bad field
 * and nothing else. Every other failure of the engine's REST API keeps Camunda's own answer.
 */
@Configuration
class InvalidReportResponses {

    private static final String ENGINE_API = "Engine Api";
    private static final String PROVIDERS = "jersey.config.server.provider.classnames";

    @Bean
    ResourceConfigCustomizer invalidReportMapper() {
        return config -> config.register(Mapper.class);
    }

    /**
     * Tasklist calls the engine through the web apps' own JAX-RS application ("Engine Api"), which
     * Spring's Jersey configuration does not reach: the mapper is added to that servlet by name,
     * whether Camunda's initializer has registered it already or registers it after this one (it
     * then keeps this registration as it is).
     */
    @Bean
    ServletContextInitializer invalidReportMapperForTasklist(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        return servletContext -> {
            ServletRegistration existing = servletContext.getServletRegistration(ENGINE_API);
            if (existing != null) {
                existing.setInitParameter(PROVIDERS, Mapper.class.getName());
                return;
            }
            ServletRegistration.Dynamic engineApi = servletContext.addServlet(ENGINE_API, ServletContainer.class);
            engineApi.addMapping(applicationPath + "/api/engine/*");
            engineApi.setInitParameters(Map.of("jakarta.ws.rs.Application", EngineRestApplication.class.getName(),
                    PROVIDERS, Mapper.class.getName()));
        };
    }

    @Priority(1000)
    public static class Mapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidReportException invalid) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", InvalidReportException.class.getSimpleName());
                    body.put("message", invalid.getMessage());
                    body.put("problems", invalid.getProblems());
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(body).build();
                }
            }
            return camunda.toResponse(exception);
        }
    }
}
