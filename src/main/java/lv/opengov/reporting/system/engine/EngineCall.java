package lv.opengov.reporting.system.engine;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UrlPathHelper;

/**
 * What a request to the engine's REST API (its own, or the one Tasklist and Cockpit call) asks for, as
 * far as {@link TaskInputGuard} checks it. The path is read decoded, as the engine's JAX-RS servlet
 * reads it, so that an encoded letter does not slip past.
 *
 * @param id     the task's id, or the process definition's key or id
 * @param action what is done to a task: {@code bpmnError} or {@code bpmnEscalation} for {@link Kind#TASK_ERROR}
 */
record EngineCall(Kind kind, String id, String action) {

    enum Kind {
        /** A task's comments or attachments, whatever the method. */
        TASK_ATTACHMENTS,
        /** A task claimed (POST). */
        CLAIM,
        /** Jobs' retries set (any method but GET). */
        RETRIES,
        /** A BPMN error or escalation thrown on a task from outside (POST). */
        TASK_ERROR,
        /** A task completed, its form submitted, or resolved (POST). */
        TASK_FORM,
        /** A process started by its definition's key (POST). */
        START_BY_KEY,
        /** A process started by its definition's id (POST). */
        START_BY_ID,
        /** Anything else: left to the engine. */
        OTHER
    }

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private static final Pattern ENGINE_PREFIX = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern TASK_ATTACHMENTS = Pattern.compile("^/task/([^/]+)/(attachment|comment)(/.*)?$");
    private static final Pattern TASK_CLAIM = Pattern.compile("^/task/([^/]+)/claim/?$");
    private static final Pattern JOB_RETRIES = Pattern.compile("^/(?:job/[^/]+/retries|job/retries|process-instance/"
            + "job-retries|process-definition/.+/job-retries|job-definition/.+/retries)/?$");
    private static final Pattern TASK_ERROR = Pattern.compile("^/task/([^/]+)/(bpmnError|bpmnEscalation)/?$");
    private static final Pattern TASK_FORM = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
    private static final Pattern START_BY_KEY = Pattern.compile(
            "^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(start|submit-form)/?$");
    private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(start|submit-form)/?$");

    /** The call, or null when the request is not one to the engine's API. */
    static EngineCall of(HttpServletRequest request) {
        Matcher prefix = ENGINE_PREFIX.matcher(PATHS.getPathWithinApplication(request));
        if (!prefix.matches()) {
            return null;
        }
        String path = prefix.group(1);
        String method = request.getMethod();
        Matcher matcher = TASK_ATTACHMENTS.matcher(path);
        if (matcher.matches()) {
            return new EngineCall(Kind.TASK_ATTACHMENTS, matcher.group(1), null);
        }
        matcher = TASK_CLAIM.matcher(path);
        if (matcher.matches() && "POST".equalsIgnoreCase(method)) {
            return new EngineCall(Kind.CLAIM, matcher.group(1), null);
        }
        if (JOB_RETRIES.matcher(path).matches() && !"GET".equalsIgnoreCase(method)) {
            return new EngineCall(Kind.RETRIES, null, null);
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return new EngineCall(Kind.OTHER, null, null);
        }
        matcher = TASK_ERROR.matcher(path);
        if (matcher.matches()) {
            return new EngineCall(Kind.TASK_ERROR, matcher.group(1), matcher.group(2));
        }
        matcher = TASK_FORM.matcher(path);
        if (matcher.matches()) {
            return new EngineCall(Kind.TASK_FORM, matcher.group(1), null);
        }
        matcher = START_BY_KEY.matcher(path);
        if (matcher.matches()) {
            return new EngineCall(Kind.START_BY_KEY, matcher.group(1), null);
        }
        matcher = START_BY_ID.matcher(path);
        if (matcher.matches()) {
            return new EngineCall(Kind.START_BY_ID, matcher.group(1), null);
        }
        return new EngineCall(Kind.OTHER, null, null);
    }

    boolean isStart() {
        return kind == Kind.START_BY_KEY || kind == Kind.START_BY_ID;
    }
}
