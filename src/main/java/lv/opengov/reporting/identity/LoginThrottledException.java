package lv.opengov.reporting.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from the client's address: the password is not even checked. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException() {
        super("Too many failed logins from this address; try again later");
    }
}
