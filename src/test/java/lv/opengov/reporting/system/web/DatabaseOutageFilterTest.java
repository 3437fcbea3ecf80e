package lv.opengov.reporting.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that fails for want of the database, wherever on its way, is answered 503 in the form its
 * address speaks: the JSON API's, Camunda's, or the error page; any other failure goes on as it was.
 */
class DatabaseOutageFilterTest {

    private static final String LATVIAN = "Pakalpojums pašlaik nevar sasniegt savu datubāzi";
    private static final String ENGLISH = "The service cannot reach its database at the moment";

    private final ObjectMapper json = new ObjectMapper();
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(ApiExceptionHandlerTest.messages(),
            new WebConfig().localeResolver(), json, "/camunda");

    /** The chain as the login or a controller fails when the pool gives no connection. */
    private static final FilterChain DATABASE_AWAY = (request, response) -> {
        throw new ServletException("Request processing failed", new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")));
    };

    private MockHttpServletResponse answer(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, DATABASE_AWAY);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        return response;
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("application/json");
        String text = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Exception").doesNotContain("refused").doesNotContain("127.0.0.1");
        return json.readTree(text);
    }

    @Test
    void theJsonApiGetsItsError() throws Exception {
        JsonNode error = body(answer(new MockHttpServletRequest("GET", "/api/cycles")));
        assertThat(error.get("status").asInt()).isEqualTo(503);
        assertThat(error.get("message").asText()).startsWith(LATVIAN);
    }

    @Test
    void theEnginesApisGetCamundasShapeInTheCallersLanguage() throws Exception {
        MockHttpServletRequest rest = new MockHttpServletRequest("GET", "/engine-rest/task");
        rest.addHeader("Accept-Language", "en-GB,en;q=0.8");
        JsonNode error = body(answer(rest));
        assertThat(error.get("type").asText()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("message").asText()).startsWith(ENGLISH);

        JsonNode tasklist = body(answer(new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task")));
        assertThat(tasklist.get("message").asText()).startsWith(LATVIAN);
    }

    @Test
    void aBrowserGetsAPageAndAScriptJson() throws Exception {
        MockHttpServletRequest browser = new MockHttpServletRequest("GET", "/cycles/1");
        browser.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        MockHttpServletResponse page = answer(browser);
        // written by the filter itself: an error dispatch would meet the database again in the session
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getForwardedUrl()).isNull();
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("<html lang=\"lv\"")
                .contains(LATVIAN).doesNotContain("Exception").doesNotContain("127.0.0.1");

        MockHttpServletRequest script = new MockHttpServletRequest("GET", "/public");
        script.addHeader("Accept", "*/*");
        assertThat(body(answer(script)).get("message").asText()).startsWith(LATVIAN);
    }

    @Test
    void anyOtherFailureGoesOnAsItWas() {
        FilterChain bug = (request, response) -> {
            throw new IllegalStateException("a bug");
        };
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/cycles"),
                new MockHttpServletResponse(), bug)).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    @Test
    void anAnswerAlreadyBegunCannotBecomeA503() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain brokenOnTheWay = (request, answer) -> {
            answer.getWriter().write("PK");
            answer.flushBuffer();
            DATABASE_AWAY.doFilter(request, answer);
        };
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/plan/package.zip"),
                response, brokenOnTheWay)).isInstanceOf(ServletException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
