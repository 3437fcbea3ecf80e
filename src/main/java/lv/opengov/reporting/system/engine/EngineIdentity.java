package lv.opengov.reporting.system.engine;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine queries as the request's user, so that what the user may not see stays unseen, or as the
 * engine itself; the authentication found before is put back afterwards.
 */
final class EngineIdentity {

    private final IdentityService identityService;

    EngineIdentity(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The query's answer as the request's user sees it; null when the request has no user. */
    <T> T asCaller(HttpServletRequest request, Supplier<T> query) {
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

    <T> T asEngine(Supplier<T> work) {
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
}
