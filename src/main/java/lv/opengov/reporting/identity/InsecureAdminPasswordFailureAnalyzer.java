package lv.opengov.reporting.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a missing or weak administrator password as a plain message instead of a stack trace. */
public class InsecureAdminPasswordFailureAnalyzer
        extends AbstractFailureAnalyzer<AdminPasswordCheck.InsecureAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordCheck.InsecureAdminPasswordException cause) {
        return new FailureAnalysis(
                "The administrator password is not safe to run with: " + cause.getMessage() + ".",
                "Set the environment variable " + AdminPasswordCheck.VARIABLE + " to a password of at least "
                        + AdminPasswordCheck.MIN_LENGTH + " characters that is not a common default, "
                        + "or run the demo profile (the default when no profile is chosen) to try the product "
                        + "with its demo users.",
                cause);
    }
}
