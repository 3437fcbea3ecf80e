package lv.opengov.reporting.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Where a mail to a group goes: its members' addresses, those who have one, in order. */
@Component
public class GroupEmails {

    private final IdentityService identityService;

    GroupEmails(IdentityService identityService) {
        this.identityService = identityService;
    }

    public List<String> of(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail)
                .filter(e -> e != null && !e.isBlank()).sorted().toList();
    }
}
