package lv.opengov.reporting.system.engine;

import lv.opengov.reporting.common.FieldProblems;
import lv.opengov.reporting.common.InvalidInputException;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * How the engine's REST API, and Tasklist's own copy of it, answer what users did wrong. The engine
 * wraps what a task or execution listener throws, so a refused submission would reach Tasklist as a
 * server error; and it answers a task that is gone with 500. Here a refusal that names its fields
 * ({@link FieldProblems}, {@link InvalidInputException}) is 400 with those fields, a thing that does
 * not exist is 404, both in the caller's language; every other failure keeps Camunda's own answer.
 */
@Configuration
class EngineRestErrors {

    private static final String ENGINE_API = "Engine Api";
    private static final String PROVIDERS = "jersey.config.server.provider.classnames";
    /** The engine's code for a condition that no process waits for: the caller's mistake. */
    private static final String NO_CONDITION_SUBSCRIPTION = "ENGINE-13043";

    /** Jersey makes the mappers itself; they read the messages from here. */
    private static volatile MessageSource messages;

    EngineRestErrors(MessageSource messageSource) {
        messages = messageSource;
    }

    @Bean
    ResourceConfigCustomizer engineRestErrorMappers() {
        return config -> config.register(RestMapper.class).register(EngineMapper.class).register(InputMapper.class);
    }

    /**
     * Tasklist calls the engine through the web apps' own JAX-RS application ("Engine Api"), which
     * Spring's Jersey configuration does not reach: the mappers are added to that servlet by name,
     * whether Camunda's initializer has registered it already or registers it after this one (it
     * then keeps this registration as it is).
     */
    @Bean
    ServletContextInitializer engineRestErrorMappersForTasklist(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        String providers = String.join(",", RestMapper.class.getName(), EngineMapper.class.getName(),
                InputMapper.class.getName());
        return servletContext -> {
            ServletRegistration existing = servletContext.getServletRegistration(ENGINE_API);
            if (existing != null) {
                existing.setInitParameter(PROVIDERS, providers);
                return;
            }
            ServletRegistration.Dynamic engineApi = servletContext.addServlet(ENGINE_API, ServletContainer.class);
            engineApi.addMapping(applicationPath + "/api/engine/*");
            engineApi.setInitParameters(Map.of("jakarta.ws.rs.Application", EngineRestApplication.class.getName(),
                    PROVIDERS, providers));
        };
    }

    /**
     * The answer for a user's mistake somewhere in the chain of causes, or null. Something missing
     * counts only where the call itself says so (the exception or its direct cause), not when it
     * surfaces from deep inside a listener, where it is a fault of the service.
     */
    static Response forUserMistake(Throwable exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null; cause = cause.getCause(), depth++) {
            if (cause instanceof FieldProblems refused) {
                return answer(Response.Status.BAD_REQUEST, cause.getMessage(), refused.getProblems());
            }
            if (cause instanceof InvalidInputException invalid) {
                return answer(Response.Status.BAD_REQUEST, invalid.getMessage(), invalid.getErrors());
            }
            if (depth <= 1 && (cause instanceof NullValueException || cause instanceof NotFoundException)) {
                return answer(Response.Status.NOT_FOUND, message("api.not-found"), List.of());
            }
            if (cause instanceof ProcessEngineException engine && engine.getMessage() != null
                    && engine.getMessage().startsWith(NO_CONDITION_SUBSCRIPTION)) {
                return answer(Response.Status.BAD_REQUEST, message("api.engine-no-condition"), List.of());
            }
        }
        return null;
    }

    private static Response answer(Response.Status status, String message, List<?> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == Response.Status.NOT_FOUND ? "InvalidRequestException" : "InvalidInputException");
        body.put("message", message);
        body.put("problems", problems);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String message(String code) {
        MessageSource source = messages;
        return source == null ? code : source.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    @Priority(1000)
    public static class RestMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response mistake = forUserMistake(exception);
            return mistake != null ? mistake : camunda.toResponse(exception);
        }
    }

    @Priority(1000)
    public static class EngineMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response mistake = forUserMistake(exception);
            return mistake != null ? mistake : camunda.toResponse(exception);
        }
    }

    /** Our own refusals thrown by a listener unwrapped (the engine wraps only some). */
    @Priority(1000)
    public static class InputMapper implements ExceptionMapper<InvalidInputException> {

        @Override
        public Response toResponse(InvalidInputException exception) {
            return forUserMistake(exception);
        }
    }
}
