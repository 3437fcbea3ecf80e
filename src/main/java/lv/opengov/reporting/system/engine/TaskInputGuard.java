package lv.opengov.reporting.system.engine;

import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.system.web.WebConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards what a user can send to the engine through its REST API and through Tasklist: a task is
 * completed (or its form submitted) with the fields of that task's form and nothing else, a process
 * is started with the fields of its start form, and no task is ended by a BPMN error or escalation
 * thrown from outside. Anything else is refused with 400 naming it, in the caller's language, before
 * the engine sees it: through these calls, no variable a user invents reaches a process. A task's
 * comments and attachments are served only to those who may see the task.
 *
 * <p>The task and the process definition are looked up as the calling user, so a task the user may
 * not see is left to the engine to refuse; the form is then read from the deployment.
 */
public class TaskInputGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 4 * 1024 * 1024;

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    private static final Pattern ENGINE_PREFIX = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern TASK_FORM = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
    private static final Pattern TASK_ERROR = Pattern.compile("^/task/([^/]+)/(bpmnError|bpmnEscalation)/?$");
    private static final Pattern START_BY_KEY = Pattern.compile(
            "^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(start|submit-form)/?$");
    private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(start|submit-form)/?$");
    private static final Pattern TASK_CLAIM = Pattern.compile("^/task/([^/]+)/claim/?$");
    private static final Pattern JOB_RETRIES = Pattern.compile("^/(?:job/[^/]+/retries|job/retries|process-instance/"
            + "job-retries|process-definition/.+/job-retries|job-definition/.+/retries)/?$");
    private static final Pattern TASK_ATTACHMENTS = Pattern.compile("^/task/([^/]+)/(attachment|comment)(/.*)?$");
    private static final List<String> START_OPTIONS = List.of("startInstructions", "skipCustomListeners",
            "skipIoMappings");
    /** Components of a Camunda form that show something but take no input. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "button", "spacer", "separator", "image", "html",
            "iframe", "table", "documentPreview");

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final FormService formService;
    private final IdentityService identityService;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Map<String, Set<String>> fieldsByForm = new ConcurrentHashMap<>();

    public TaskInputGuard(TaskService taskService, RepositoryService repositoryService, FormService formService,
            IdentityService identityService, ObjectMapper json, MessageSource messages) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.identityService = identityService;
        this.json = json;
        this.messages = messages;
    }


    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // decoded as the engine's JAX-RS servlet decodes it: an encoded letter must not slip past
        Matcher prefix = ENGINE_PREFIX.matcher(PATHS.getPathWithinApplication(request));
        if (!prefix.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String path = prefix.group(1);
        Locale locale = WebConfig.preferredLocale(request);
        Matcher attachments = TASK_ATTACHMENTS.matcher(path);
        if (attachments.matches()) {
            // the engine hands out an attachment's content without asking whether its task is visible
            Long visible = asCaller(request, () -> taskService.createTaskQuery().taskId(attachments.group(1)).count());
            if (visible == null || visible == 0L) {
                notFound(response, locale);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Matcher claim = TASK_CLAIM.matcher(path);
        Matcher retries = JOB_RETRIES.matcher(path);
        boolean isClaim = claim.matches() && "POST".equalsIgnoreCase(request.getMethod());
        boolean isRetries = retries.matches() && !"GET".equalsIgnoreCase(request.getMethod());
        if (isClaim || isRetries) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            JsonNode root = parse(body);
            Principal caller = request.getUserPrincipal();
            if (isClaim && root != null && caller != null
                    && !caller.getName().equals(root.path("userId").asText(null))) {
                // the engine lets a task's candidate claim it for anyone, who could then read and
                // complete it: a task is claimed only by its user, for themself
                refuse(response, locale, List.of(new ApiError.FieldProblem("userId",
                        message("api.task-claim-other", locale))));
                return;
            }
            if (isRetries && root != null && root.has("retries") && !atLeastOne(root.get("retries"))) {
                // no retries left would silently stop a timer or a step; only the engine does that
                refuse(response, locale, List.of(new ApiError.FieldProblem("retries",
                        message("api.job-retries", locale))));
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Matcher error = TASK_ERROR.matcher(path);
        if (error.matches()) {
            if (taskFields(request, error.group(1)) == null) {
                notFound(response, locale);
            } else {
                refuse(response, locale, List.of(new ApiError.FieldProblem(error.group(2),
                        message("api.task-bpmn-error", locale))));
            }
            return;
        }
        Matcher taskForm = TASK_FORM.matcher(path);
        Matcher byKey = START_BY_KEY.matcher(path);
        Matcher byId = START_BY_ID.matcher(path);
        boolean isTask = taskForm.matches();
        boolean isStart = !isTask && (byKey.matches() || byId.matches());
        if (!isTask && !isStart) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, locale, List.of(new ApiError.FieldProblem("body",
                    message("api.task-body-too-large", locale, MAX_BODY))));
            return;
        }
        HttpServletRequest again = new CachedBody(request, body);
        Set<String> allowed = isTask ? taskFields(request, taskForm.group(1))
                : startFields(request, byKey.matches() ? byKey.group(1) : null, byKey.matches() ? null : byId.group(1));
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
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        if (root != null && root.isObject()) {
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
                    } else if (!readable(field.getValue())) {
                        problems.add(new ApiError.FieldProblem(name, message("api.task-field-type", locale, name,
                                field.getValue().path("type").asText("?"))));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            refuse(response, locale, problems);
            return;
        }
        chain.doFilter(again, response);
    }

    /**
     * Whether the engine can take the value as the type it names: a form sends text, numbers, yes/no
     * and dates; a number that does not fit its type or a date that does not exist is refused here
     * with the field's name, not by the engine's conversion message.
     */
    static boolean readable(JsonNode variable) {
        if (!variable.isObject()) {
            return false;
        }
        JsonNode value = variable.path("value");
        String type = variable.path("type").asText("");
        if (value.isNull() || value.isMissingNode()) {
            return true;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "", "string" -> value.isValueNode();
            case "long" -> value.isIntegralNumber() && value.canConvertToLong()
                    || value.isTextual() && parses(() -> Long.parseLong(value.asText()));
            case "integer" -> value.isIntegralNumber() && value.canConvertToInt()
                    || value.isTextual() && parses(() -> Integer.parseInt(value.asText()));
            case "short" -> value.isIntegralNumber() && value.canConvertToInt()
                    && value.asInt() >= Short.MIN_VALUE && value.asInt() <= Short.MAX_VALUE;
            case "double" -> value.isNumber() || value.isTextual() && parses(() -> Double.parseDouble(value.asText()));
            case "boolean" -> value.isBoolean() || value.isTextual()
                    && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()));
            case "date" -> value.isTextual() && parses(() -> java.time.OffsetDateTime.parse(value.asText(), ENGINE_DATE));
            case "null" -> true;
            default -> false;
        };
    }

    private static final java.time.format.DateTimeFormatter ENGINE_DATE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void notFound(HttpServletResponse response, Locale locale) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                "message", message("api.task-not-found", locale)));
    }

    /** The fields of the task's form, or null when the user cannot see the task (the engine answers). */
    private Set<String> taskFields(HttpServletRequest request, String taskId) {
        Task task = asCaller(request, () -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys()
                .singleResult());
        if (task == null) {
            return null;
        }
        String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
        Set<String> known = fieldsByForm.get(key);
        if (known != null) {
            return known;
        }
        if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
            return cache(key, Set.of());
        }
        // a failure to read the form is not remembered: the next request tries again
        Set<String> read = asEngine(() -> {
            try (InputStream form = formService.getDeployedTaskForm(taskId)) {
                return fields(form);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return cache(key, read);
    }

    private Set<String> startFields(HttpServletRequest request, String key, String id) {
        ProcessDefinition definition = asCaller(request, () -> key != null
                ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                        .withoutTenantId().singleResult()
                : repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult());
        if (definition == null) {
            return null;
        }
        String formKey = definition.getId() + "#start";
        Set<String> known = fieldsByForm.get(formKey);
        if (known != null) {
            return known;
        }
        Set<String> read = asEngine(() -> {
            try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
                return fields(form);
            } catch (org.camunda.bpm.engine.BadUserRequestException noForm) {
                // the process has no start form: nothing may be sent
                return Set.of();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return cache(formKey, read);
    }

    private Set<String> cache(String key, Set<String> fields) {
        fieldsByForm.put(key, fields);
        return fields;
    }

    private Set<String> fields(InputStream form) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        collect(json.readTree(form).path("components"), keys);
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null && !DISPLAY_ONLY.contains(component.path("type").asText())) {
                keys.add(key);
            }
            collect(component.path("components"), keys);
        }
    }

    private static boolean atLeastOne(JsonNode retries) {
        if (retries.isIntegralNumber()) {
            return retries.canConvertToLong() && retries.asLong() >= 1;
        }
        return retries.isTextual() && retries.asText().strip().matches("[1-9][0-9]{0,8}");
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private <T> T asCaller(HttpServletRequest request, Supplier<T> query) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return null;
        }
        Authentication previous = identityService.getCurrentAuthentication();
        try {
            identityService.clearAuthentication();
            List<String> groups = identityService.createGroupQuery().groupMember(principal.getName()).list().stream()
                    .map(Group::getId).toList();
            identityService.setAuthentication(principal.getName(), groups);
            return query.get();
        } finally {
            restore(previous);
        }
    }

    private <T> T asEngine(Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        try {
            identityService.clearAuthentication();
            return work.get();
        } finally {
            restore(previous);
        }
    }

    private void restore(Authentication previous) {
        if (previous == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(previous);
        }
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

    /** The request with its body read once and served again to the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is here already: it is available and read at once
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
