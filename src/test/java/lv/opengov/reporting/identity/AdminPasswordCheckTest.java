package lv.opengov.reporting.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordCheckTest {

    private final AdminPasswordCheck check = new AdminPasswordCheck();

    @Test
    void missingPasswordStopsStartUpOutsideTheDemoProfile() {
        assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .isInstanceOf(AdminPasswordCheck.InsecureAdminPasswordException.class)
                .hasMessage("REPORTING_ADMIN_PASSWORD is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Password", "changeme", "camunda", "short-pw", "   "})
    void defaultOrShortPasswordsStopStartUp(String password) {
        MockEnvironment environment = new MockEnvironment().withProperty("REPORTING_ADMIN_PASSWORD", password);
        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(AdminPasswordCheck.InsecureAdminPasswordException.class);
    }

    @Test
    void strongPasswordIsAccepted() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("REPORTING_ADMIN_PASSWORD", "Daugava-Gauja-2025!");
        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void demoProfileNeedsNoPassword() {
        MockEnvironment environment = new MockEnvironment().withProperty("reporting.demo.enabled", "true");
        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void failureIsExplainedWithoutAStackTrace() {
        FailureAnalysis analysis = new InsecureAdminPasswordFailureAnalyzer()
                .analyze(new AdminPasswordCheck.InsecureAdminPasswordException("REPORTING_ADMIN_PASSWORD is not set"));
        assertThat(analysis.getDescription()).contains("REPORTING_ADMIN_PASSWORD is not set");
        assertThat(analysis.getAction()).contains("Set the environment variable REPORTING_ADMIN_PASSWORD")
                .contains("demo profile");
    }
}
