package lv.opengov.reporting.system.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * The fields a user may send: those of the task's Camunda form, or of the process's start form; none
 * where there is no form. The task and the process definition are looked up as the calling user, so a
 * task the user may not see is left to the engine to refuse; the form is then read from the deployment
 * and remembered per process definition.
 */
final class FormFields {

    /** Components of a Camunda form that show something but take no input. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "button", "spacer", "separator", "image", "html",
            "iframe", "table", "documentPreview");

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final FormService formService;
    private final EngineIdentity identity;
    private final ObjectMapper json;
    private final Map<String, Set<String>> fieldsByForm = new ConcurrentHashMap<>();

    FormFields(TaskService taskService, RepositoryService repositoryService, FormService formService,
            EngineIdentity identity, ObjectMapper json) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.identity = identity;
        this.json = json;
    }

    /** The fields of the call's task or start form, or null when the caller cannot see the task or process. */
    Set<String> of(HttpServletRequest request, EngineCall call) {
        return switch (call.kind()) {
            case TASK_FORM, TASK_ERROR -> ofTask(request, call.id());
            case START_BY_KEY -> ofStart(request, call.id(), null);
            case START_BY_ID -> ofStart(request, null, call.id());
            default -> throw new IllegalArgumentException("No form for " + call.kind());
        };
    }

    private Set<String> ofTask(HttpServletRequest request, String taskId) {
        Task task = identity.asCaller(request, () -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys()
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
            return remember(key, Set.of());
        }
        // a failure to read the form is not remembered: the next request tries again
        Set<String> read = identity.asEngine(() -> {
            try (InputStream form = formService.getDeployedTaskForm(taskId)) {
                return fields(form);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return remember(key, read);
    }

    private Set<String> ofStart(HttpServletRequest request, String key, String id) {
        ProcessDefinition definition = identity.asCaller(request, () -> key != null
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
        Set<String> read = identity.asEngine(() -> {
            try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
                return fields(form);
            } catch (BadUserRequestException noForm) {
                // the process has no start form: nothing may be sent
                return Set.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return remember(formKey, read);
    }

    private Set<String> remember(String key, Set<String> fields) {
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
}
