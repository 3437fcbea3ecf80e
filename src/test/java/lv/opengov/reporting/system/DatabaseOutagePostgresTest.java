package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import lv.opengov.reporting.identity.LoginThrottle;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import lv.opengov.reporting.support.StandaloneApplication;
import lv.opengov.reporting.support.TcpProxy;
import lv.opengov.reporting.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away under the running application and comes back. The application reaches its
 * database, a fresh one of its own, through a {@link TcpProxy}; cutting the proxy closes every pooled
 * connection and refuses new ones, as a database that restarts or is down would. Meanwhile every kind
 * of request (the JSON API, a page, the engine's REST API, the web apps' API and a login) is answered
 * 503 with the message in Latvian or English, a Retry-After and nothing of the failure's internals;
 * and once the proxy is restored the same requests succeed again, without a restart.
 */
@RequiresPostgres
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutagePostgresTest {

    private static final String LATVIAN = "Pakalpojums pašlaik nevar sasniegt savu datubāzi";
    private static final String ENGLISH = "The service cannot reach its database at the moment";
    /** What a failure's text would show of the service's insides. */
    private static final List<String> INTERNALS = List.of("Exception", "SQL", "jdbc", "Hikari", "PSQL",
            "postgres", "java.", "org.", "refused", "select ", "\tat ");

    /** The requests of {@link #assertEverythingAnswers503}. */
    private static final int REQUESTS_IN_THE_OUTAGE = 7;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int port;

    @Test
    void whileTheDatabaseIsAwayEveryRequestGets503WithAMessageAndOnceItIsBackAllWorksAgain(CapturedOutput log)
            throws Exception {
        URI database = URI.create(PostgresDatabase.createDatabase("reporting_outage").substring("jdbc:".length()));
        try (TcpProxy proxy = TcpProxy.start(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
                ConfigurableApplicationContext context = StandaloneApplication.start(
                        "--spring.profiles.active=demo,postgres",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getRawPath()
                                + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery()),
                        "--spring.datasource.username=" + PostgresDatabase.user(),
                        "--spring.datasource.password=" + PostgresDatabase.password())) {
            port = ((WebServerApplicationContext) context).getWebServer().getPort();
            // Tasklist's session, opened while all is well: its calls then reach the engine's mappers
            WebSession tasklist = WebSession.login(port, "coordinator");
            assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
            WebSession visitor = WebSession.anonymous(port);
            String loginForm = visitor.get("/login").body();
            assertEverythingWorks(tasklist);

            int logBefore = log.getOut().length();
            proxy.cut();
            try {
                assertThat(proxy.openConnections()).isZero();
                assertEverythingAnswers503(tasklist, visitor, WebSession.csrf(loginForm));
                assertThat(context.getBean(LoginThrottle.class).list()).as("no login counted as failed").isEmpty();
                String outage = log.getOut().substring(logBefore);
                // one warning per request, naming it
                assertThat(outage.lines().filter(line -> line.contains("answered 503, the database is unavailable")))
                        .hasSize(REQUESTS_IN_THE_OUTAGE)
                        .anyMatch(line -> line.contains("GET /engine-rest/task answered"))
                        .anyMatch(line -> line.contains("POST /login answered"))
                        .allMatch(line -> line.contains(" WARN "));
                assertThat(outage).doesNotContain("Unexpected failure of").doesNotContain("SqlExceptionHelper");
            } finally {
                // also after a failed assertion: the application stops at once, with its database back
                proxy.restore();
            }
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> send("/api/cycles", "Accept", "application/json").statusCode() == 200);
            assertEverythingWorks(tasklist);
            WebSession.login(port, "coordinator");
            assertThat(proxy.openConnections()).as("the pool reconnected through the same port").isPositive();
        }
    }

    private void assertEverythingAnswers503(WebSession tasklist, WebSession visitor, String loginCsrf)
            throws Exception {
        assertUnavailable(send("/api/cycles", "Accept", "application/json"), LATVIAN, "application/json");
        assertUnavailable(send("/api/cycles", "Accept", "application/json", "Accept-Language", "en"), ENGLISH,
                "application/json");
        assertUnavailable(anonymously("/public", "Accept", "text/html"), LATVIAN, "text/html");
        assertUnavailable(send("/engine-rest/task", "Accept", "application/json"), LATVIAN, "application/json");
        assertUnavailable(tasklist.get("/camunda/api/engine/engine/default/task/count"), LATVIAN,
                "application/json");
        // the password could not be checked: neither a wrong one (401, or back to the form) nor a failure
        assertUnavailable(visitor.postForm("/login", "username=coordinator&password=coordinator&_csrf="
                + loginCsrf, "Accept", "text/html,application/xhtml+xml"), LATVIAN, "text/html");
        // a script asking a page for JSON
        assertUnavailable(anonymously("/public", "Accept", "application/json", "Accept-Language", "en"), ENGLISH,
                "application/json");
    }

    private void assertEverythingWorks(WebSession tasklist) throws Exception {
        HttpResponse<String> cycles = send("/api/cycles", "Accept", "application/json");
        assertThat(cycles.statusCode()).isEqualTo(200);
        assertThat(cycles.body()).startsWith("[");
        HttpResponse<String> page = anonymously("/public", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("3.1");
        HttpResponse<String> tasks = send("/engine-rest/task", "Accept", "application/json");
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).startsWith("[");
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    }

    private static void assertUnavailable(HttpResponse<String> response, String message, String contentType) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as("Retry-After of %s", response.uri())
                .hasValue("30");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(contentType);
        assertThat(response.body()).as("body of %s", response.uri()).contains(message)
                .doesNotContain(INTERNALS);
    }

    /** A request as a script sends it: the coordinator's password with HTTP Basic, the given headers. */
    private HttpResponse<String> send(String path, String... headers) throws Exception {
        return anonymously(path, concat(headers, "Authorization", WebSession.basic("coordinator", "coordinator")));
    }

    /** A request with the given headers only, as a visitor's browser sends it. */
    private HttpResponse<String> anonymously(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }
}
