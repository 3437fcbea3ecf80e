package lv.opengov.reporting.identity;

import java.util.List;
import lv.opengov.reporting.common.ClientAddress;
import lv.opengov.reporting.common.DatabaseUnavailable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates the project's API and pages against Camunda's identity service, so that one set of
 * users and groups serves Tasklist, Cockpit, the engine's REST API and our own API. Each Camunda
 * group becomes an authority {@code GROUP_<id>}. Failed logins are throttled by {@link LoginThrottle}.
 *
 * <p>A password that cannot be checked because the database does not answer is no wrong password: the
 * failure goes on as it is (the request is answered 503, system/web/DatabaseOutageFilter), never as a
 * failed login, and the throttle takes the attempt back, so that an outage locks nobody out.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
            ClientAddress clientAddress) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = authentication.getDetails() instanceof ClientAddress.Details details ? details.address()
                : clientAddress.current();
        if (!throttle.tryAttempt(address, userId)) {
            throw new LoginThrottledException();
        }
        if (userId == null || userId.isBlank() || credentials == null
                || !checkPassword(userId, credentials.toString(), address)) {
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(address, userId);
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream()
                .map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(Groups.AUTHORITY_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private boolean checkPassword(String userId, String password, String address) {
        try {
            return identityService.checkPassword(userId, password);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throttle.notChecked(address, userId);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
