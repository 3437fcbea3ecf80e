package lv.opengov.reporting.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one rule for who is acting: in the engine (Tasklist, the engine's REST API, listeners of a
 * task someone completes) the engine's authenticated user; in the project's own pages and API the
 * user of the request; else the service itself ({@link #SYSTEM}: timers, asynchronous steps, the
 * first load).
 */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return engine.getUserId();
        }
        var web = loggedIn();
        return web != null ? web.getName() : SYSTEM;
    }

    /** Whether the request comes from a user who has logged in, not from an anonymous visitor. */
    public boolean isLoggedIn() {
        return loggedIn() != null;
    }

    private static org.springframework.security.core.Authentication loggedIn() {
        var web = SecurityContextHolder.getContext().getAuthentication();
        return web != null && web.isAuthenticated() && !(web instanceof AnonymousAuthenticationToken) ? web : null;
    }

    /**
     * Whether whoever acts in the engine belongs to the group. The service itself (no user: a timer,
     * or a step the service completes for someone) acts for every group.
     */
    public boolean belongsTo(String groupId) {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine == null || engine.getUserId() == null) {
            return true;
        }
        return engine.getGroupIds() != null && engine.getGroupIds().contains(groupId);
    }

    /** Who completes the task: as {@link #id()}, or its assignee when the service completes it for them. */
    public String completing(DelegateTask task) {
        String id = id();
        return SYSTEM.equals(id) && task.getAssignee() != null ? task.getAssignee() : id;
    }
}
