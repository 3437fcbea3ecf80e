package lv.opengov.reporting.system.engine;

import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.system.web.WebConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards what a user can send to the engine through its REST API and through Tasklist: a task is
 * completed (or its form submitted) with the fields of that task's form and nothing else, a process
 * is started with the fields of its start form ({@link FormFields}), and no task is ended by a BPMN
 * error or escalation thrown from outside. Anything else is refused with 400 naming it, in the
 * caller's language, before the engine sees it: through these calls, no variable a user invents
 * reaches a process. A task's comments and attachments are served only to those who may see the task.
 * Which calls these are is {@link EngineCall}'s to say, whether a value fits its type
 * {@link VariableValues}'.
 */
public class TaskInputGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 4 * 1024 * 1024;

    private static final List<String> START_OPTIONS = List.of("startInstructions", "skipCustomListeners",
            "skipIoMappings");

    private final TaskService taskService;
    private final EngineIdentity identity;
    private final FormFields forms;
    private final ObjectMapper json;
    private final MessageSource messages;

    public TaskInputGuard(TaskService taskService, RepositoryService repositoryService, FormService formService,
            IdentityService identityService, ObjectMapper json, MessageSource messages) {
        this.taskService = taskService;
        this.identity = new EngineIdentity(identityService);
        this.forms = new FormFields(taskService, repositoryService, formService, identity, json);
        this.json = json;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineCall call = EngineCall.of(request);
        if (call == null || call.kind() == EngineCall.Kind.OTHER) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = WebConfig.preferredLocale(request);
        switch (call.kind()) {
            case TASK_ATTACHMENTS -> attachments(call, request, response, chain, locale);
            case CLAIM, RETRIES -> claimOrRetries(call, request, response, chain, locale);
            case TASK_ERROR -> {
                if (forms.of(request, call) == null) {
                    notFound(response, locale);
                } else {
                    refuse(response, locale, List.of(new ApiError.FieldProblem(call.action(),
                            message("api.task-bpmn-error", locale))));
                }
            }
            default -> formInput(call, request, response, chain, locale);
        }
    }

    /** The engine hands out an attachment's content without asking whether its task is visible. */
    private void attachments(EngineCall call, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, Locale locale) throws ServletException, IOException {
        Long visible = identity.asCaller(request, () -> taskService.createTaskQuery().taskId(call.id()).count());
        if (visible == null || visible == 0L) {
            notFound(response, locale);
            return;
        }
        chain.doFilter(request, response);
    }

    private void claimOrRetries(EngineCall call, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, Locale locale) throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        JsonNode root = parse(body);
        Principal caller = request.getUserPrincipal();
        if (call.kind() == EngineCall.Kind.CLAIM && root != null && caller != null
                && !caller.getName().equals(root.path("userId").asText(null))) {
            // the engine lets a task's candidate claim it for anyone, who could then read and
            // complete it: a task is claimed only by its user, for themself
            refuse(response, locale, List.of(new ApiError.FieldProblem("userId",
                    message("api.task-claim-other", locale))));
            return;
        }
        if (call.kind() == EngineCall.Kind.RETRIES && root != null && root.has("retries")
                && !VariableValues.atLeastOne(root.get("retries"))) {
            // no retries left would silently stop a timer or a step; only the engine does that
            refuse(response, locale, List.of(new ApiError.FieldProblem("retries",
                    message("api.job-retries", locale))));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** A task's completion or a process's start: only the form's fields, each of a type the engine reads. */
    private void formInput(EngineCall call, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, Locale locale) throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, locale, List.of(new ApiError.FieldProblem("body",
                    message("api.task-body-too-large", locale, MAX_BODY))));
            return;
        }
        HttpServletRequest again = new CachedBodyRequest(request, body);
        Set<String> allowed = forms.of(request, call);
        if (allowed == null) {
            // a task gone (completed already) or not the caller's to see, or no such process: the
            // same answer for all
            notFound(response, locale);
            return;
        }
        if (body.length == 0) {
            chain.doFilter(again, response);
            return;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            refuse(response, locale, List.of(new ApiError.FieldProblem("body", message("api.task-body-unreadable", locale))));
            return;
        }
        List<ApiError.FieldProblem> problems = root != null && root.isObject()
                ? problems(root, allowed, call.isStart(), locale) : List.of();
        if (!problems.isEmpty()) {
            refuse(response, locale, problems);
            return;
        }
        chain.doFilter(again, response);
    }

    private List<ApiError.FieldProblem> problems(JsonNode root, Set<String> allowed, boolean isStart, Locale locale) {
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        if (isStart) {
            for (String option : START_OPTIONS) {
                JsonNode value = root.get(option);
                if (value != null && !value.isNull() && !(value.isBoolean() && !value.booleanValue())
                        && !(value.isArray() && value.isEmpty())) {
                    problems.add(new ApiError.FieldProblem(option, message("api.task-start-option", locale, option)));
                }
            }
        }
        JsonNode variables = root.get("variables");
        if (variables != null && variables.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (!allowed.contains(name)) {
                    problems.add(new ApiError.FieldProblem(name, message("api.task-field-unknown", locale, name)));
                } else if (!VariableValues.readable(field.getValue())) {
                    problems.add(new ApiError.FieldProblem(name, message("api.task-field-type", locale, name,
                            field.getValue().path("type").asText("?"))));
                }
            }
        }
        return problems;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private void notFound(HttpServletResponse response, Locale locale) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                "message", message("api.task-not-found", locale)));
    }

    private void refuse(HttpServletResponse response, Locale locale, List<ApiError.FieldProblem> problems)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", String.join(" ", problems.stream().map(ApiError.FieldProblem::message).toList()));
        body.put("problems", problems);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
