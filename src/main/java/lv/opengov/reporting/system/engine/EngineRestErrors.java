package lv.opengov.reporting.system.engine;

import lv.opengov.reporting.common.DatabaseUnavailable;
import lv.opengov.reporting.common.FieldProblems;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.system.web.DatabaseOutage;
import lv.opengov.reporting.system.web.WebConfig;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedRuntimeException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the engine's REST API, and the web apps' own APIs (Tasklist's copy of the engine's among them),
 * answer what users did wrong and a database that cannot be reached. The engine wraps what a task or
 * execution listener throws, so a refused submission would reach Tasklist as a server error; and it
 * answers a task that is gone with 500. Here a refusal that names its fields ({@link FieldProblems},
 * {@link InvalidInputException}) is 400 with those fields, a thing that does not exist is 404, both in
 * the caller's language. A failure for want of the database ({@link DatabaseUnavailable}) is 503 with
 * the message of {@link DatabaseOutage}: Camunda's own answer would be 500 with the exception's
 * message, which may hold the SQL and the driver's words. Every other failure keeps Camunda's answer.
 */
@Configuration
class EngineRestErrors {

    private record WebappApi(String mapping, Class<?> application) {
    }

    /** Camunda's web apps' JAX-RS servlets, by the names its initializer gives them. */
    private static final Map<String, WebappApi> WEBAPP_APIS = Map.of(
            "Engine Api", new WebappApi("/api/engine/*", EngineRestApplication.class),
            "Cockpit Api", new WebappApi("/api/cockpit/*", CockpitApplication.class),
            "Admin Api", new WebappApi("/api/admin/*", AdminApplication.class),
            "Tasklist Api", new WebappApi("/api/tasklist/*", TasklistApplication.class),
            "Welcome Api", new WebappApi("/api/welcome/*", WelcomeApplication.class));
    private static final List<Class<?>> MAPPERS = List.of(RestMapper.class, EngineMapper.class, InputMapper.class,
            SpringMapper.class);
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
        return config -> MAPPERS.forEach(config::register);
    }

    /**
     * The web apps call the engine through JAX-RS applications of their own (Tasklist through "Engine
     * Api", Cockpit and Admin through theirs too), which Spring's Jersey configuration does not reach:
     * the mappers are added to those servlets by name, whether Camunda's initializer has registered
     * them already or registers them after this one (it then keeps this registration as it is).
     */
    @Bean
    ServletContextInitializer engineRestErrorMappersForWebapps(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        String providers = String.join(",", MAPPERS.stream().map(Class::getName).toList());
        return servletContext -> WEBAPP_APIS.forEach((name, api) -> {
            ServletRegistration existing = servletContext.getServletRegistration(name);
            if (existing != null) {
                existing.setInitParameter(PROVIDERS, providers);
                return;
            }
            ServletRegistration.Dynamic servlet = servletContext.addServlet(name, ServletContainer.class);
            servlet.addMapping(applicationPath + api.mapping());
            servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", api.application().getName(),
                    PROVIDERS, providers));
        });
    }

    /** The answer for a database that cannot be reached or for a user's mistake, or null for Camunda's own. */
    static Response forKnownCause(Throwable exception) {
        if (DatabaseUnavailable.isCause(exception)) {
            DatabaseOutage.logAnswered(exception);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(DatabaseOutage.engineError(message(DatabaseOutage.MESSAGE_KEY))).build();
        }
        return forUserMistake(exception);
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
        return source == null ? code : source.getMessage(code, null, callerLocale());
    }

    /**
     * The caller's language by the engine's rule ({@link EngineLocaleFilter}), read from the request:
     * the filter that Spring Boot puts in front of every JAX-RS servlet sets the locale of the context
     * again, to the container's default when the caller asks for no language.
     */
    private static Locale callerLocale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? WebConfig.preferredLocale(attributes.getRequest()) : LocaleContextHolder.getLocale();
    }

    /**
     * Our answer where the cause is known ({@link #forKnownCause}), else the answer of Camunda's own
     * mapper for the type. Jersey picks each subclass by the type it names, ahead of Camunda's mapper
     * for the same type by its priority.
     */
    abstract static class KnownCauseFirst<E extends Throwable> implements ExceptionMapper<E> {

        private final ExceptionMapper<? super E> camunda;

        KnownCauseFirst(ExceptionMapper<? super E> camunda) {
            this.camunda = camunda;
        }

        @Override
        public Response toResponse(E exception) {
            Response known = forKnownCause(exception);
            return known != null ? known : camunda.toResponse(exception);
        }
    }

    @Priority(1000)
    public static class RestMapper extends KnownCauseFirst<RestException> {

        public RestMapper() {
            super(new RestExceptionHandler());
        }
    }

    @Priority(1000)
    public static class EngineMapper extends KnownCauseFirst<ProcessEngineException> {

        public EngineMapper() {
            super(new ProcessEngineExceptionHandler());
        }
    }

    /**
     * Spring's exceptions, which reach the REST API unwrapped when the engine's transaction cannot
     * even begin ({@code CannotCreateTransactionException}); Camunda would answer them as any
     * {@link Throwable}, with 500 and their class and message.
     */
    @Priority(1000)
    public static class SpringMapper extends KnownCauseFirst<NestedRuntimeException> {

        public SpringMapper() {
            super(new ExceptionHandler());
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
