package lv.opengov.reporting.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import lv.opengov.reporting.system.web.DatabaseOutage;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's REST API and the web apps' APIs answer a database that cannot be reached with 503 and
 * the message, where Camunda would answer 500 with the exception's text (SQL and the driver's words).
 */
class EngineRestErrorsTest {

    private static final SQLException BROKEN_IN_USE = new SQLException(
            "An I/O error occurred while sending to the backend.", "08006");

    @BeforeEach
    void messagesAndARequest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        new EngineRestErrors(messages);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task")));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theEnginesPersistenceFailureIs503InTheEnginesLanguageRule() {
        Response response = new EngineRestErrors.EngineMapper().toResponse(new ProcessEnginePersistenceException(
                "An exception occurred in the persistence layer.",
                new PersistenceException("### Error querying database. ### SQL: select * from ACT_RU_TASK",
                        BROKEN_IN_USE)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        // no language asked for: Latvian, as every answer of the engine's API
        assertThat(response.getEntity()).isEqualTo(DatabaseOutage.engineError(
                "Pakalpojums pašlaik nevar sasniegt savu datubāzi, tāpēc pieprasījumu nevarēja izpildīt. "
                        + "Lūdzu, mēģiniet vēlreiz pēc brīža."));
    }

    @Test
    void aTransactionThatCannotBeginIs503() {
        Response response = new EngineRestErrors.SpringMapper().toResponse(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction", BROKEN_IN_USE));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((Map<?, ?>) response.getEntity()).get("type")).isEqualTo("ServiceUnavailable");
    }

    @Test
    void springsOtherFailuresKeepCamundasAnswer() {
        Response response = new EngineRestErrors.SpringMapper().toResponse(
                new DataIntegrityViolationException("duplicate key"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
