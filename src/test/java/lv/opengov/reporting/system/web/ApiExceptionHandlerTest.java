package lv.opengov.reporting.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import lv.opengov.reporting.common.ApiError;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/** The JSON API's answer to a failure nobody foresaw, and to one for want of the database. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFailureForWantOfTheDatabaseIs503WithTheMessageAndWhenToTryAgain() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("lv"));
        ResponseEntity<ApiError> answer = handler.unexpected(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available", "08001")),
                new MockHttpServletRequest("GET", "/api/cycles"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(answer.getBody()).isEqualTo(new ApiError(503, "Service Unavailable",
                "Pakalpojums pašlaik nevar sasniegt savu datubāzi, tāpēc pieprasījumu nevarēja izpildīt. "
                        + "Lūdzu, mēģiniet vēlreiz pēc brīža.", java.util.List.of()));
    }

    @Test
    void theEnginesWrappingIsSeenThroughInEnglishToo() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ResponseEntity<ApiError> answer = handler.unexpected(new ProcessEnginePersistenceException(
                "An exception occurred in the persistence layer.",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")),
                new MockHttpServletRequest("POST", "/api/cycles/1/close"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().message()).startsWith("The service cannot reach its database at the moment")
                .doesNotContain("I/O").doesNotContain("Exception");
    }

    @Test
    void anyOtherFailureIsStill500WithoutItsInternals() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ResponseEntity<ApiError> answer = handler.unexpected(new SQLException("duplicate key value", "23505"),
                new MockHttpServletRequest("GET", "/api/cycles"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
        assertThat(answer.getBody().message()).doesNotContain("duplicate");
    }
}
