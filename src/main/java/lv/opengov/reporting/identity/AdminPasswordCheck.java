package lv.opengov.reporting.identity;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile the only built-in account is {@code admin}, whose password must come from
 * {@code REPORTING_ADMIN_PASSWORD}. Start-up stops before anything is created when it is missing, too
 * short or a well-known default, with a message that says what to do.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor, Ordered {

    public static final String VARIABLE = "REPORTING_ADMIN_PASSWORD";
    static final int MIN_LENGTH = 12;
    private static final Set<String> DEFAULTS = Set.of("admin", "administrator", "password", "passw0rd", "demo",
            "camunda", "changeme", "change-me", "secret", "123456", "12345678", "123456789012", "qwerty",
            "letmein", "reporting", "default", "adminadminadmin", "password1234");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("reporting.demo.enabled", Boolean.class, false)) {
            return;
        }
        String password = environment.getProperty(VARIABLE);
        if (password == null || password.isBlank()) {
            throw new InsecureAdminPasswordException(VARIABLE + " is not set");
        }
        if (password.length() < MIN_LENGTH) {
            throw new InsecureAdminPasswordException(VARIABLE + " is shorter than " + MIN_LENGTH + " characters");
        }
        if (DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InsecureAdminPasswordException(VARIABLE + " is a well-known default password");
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and profiles have been read
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Why start-up stopped; reported by {@link InsecureAdminPasswordFailureAnalyzer}. */
    public static class InsecureAdminPasswordException extends IllegalStateException {
        public InsecureAdminPasswordException(String reason) {
            super(reason);
        }
    }
}
