package lv.opengov.reporting.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;

/** Small helpers for tests that act as a user in the engine. */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /** Runs the action as the user, with the user's groups, so that the engine's authorizations apply. */
    public static <T> T as(IdentityService identity, String userId, Callable<T> action) throws Exception {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(userId, groups);
        try {
            return action.call();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Completes the task as the user would, with the engine's authorizations and the task's listeners. */
    public static void completeAs(IdentityService identity, TaskService tasks, String userId, String taskId,
            Map<String, Object> variables) throws Exception {
        as(identity, userId, () -> {
            tasks.complete(taskId, variables);
            return null;
        });
    }
}
