package lv.opengov.reporting.identity;

import java.util.ArrayList;
import java.util.List;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.PlanService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users: {@code coordinator}, {@code reviewer}, {@code board} and one user per
 * institution named by its code in lower case, each with the password equal to the user id. The
 * {@code admin} user comes from the engine's admin-user setting. Never active outside the demo profile.
 */
@Component
@ConditionalOnProperty(name = "reporting.demo.enabled", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private final PlanService planService;

    DemoUsers(IdentityService identityService, PlanService planService) {
        this.identityService = identityService;
        this.planService = planService;
    }

    record DemoUser(String id, String firstName, String lastName, String email, String group) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void create() {
        for (DemoUser user : users()) {
            ensureUser(user);
            if (identityService.createUserQuery().userId(user.id()).memberOfGroup(user.group()).count() == 0) {
                identityService.createMembership(user.id(), user.group());
            }
        }
    }

    List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser("coordinator", "Demo", "Koordinators", "coordinator@example.org", Groups.COORDINATORS));
        users.add(new DemoUser("reviewer", "Demo", "Izvērtētājs", "reviewer@example.org", Groups.REVIEWERS));
        users.add(new DemoUser("board", "Demo", "Padome", "board@example.org", Groups.BOARD));
        for (Institution institution : planService.listInstitutions()) {
            users.add(new DemoUser(institution.getCode().toLowerCase(java.util.Locale.ROOT),
                    institution.getCode(), institution.getNameLv(), institution.getContactEmail(),
                    institution.groupId()));
        }
        return users;
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(demo.id());
        identityService.saveUser(user);
        log.info("Created demo user {}", demo.id());
    }
}
