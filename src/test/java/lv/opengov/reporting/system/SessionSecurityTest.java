package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sessions and headers over real HTTP: one login for our pages and Camunda's web apps, a logout of
 * either ends both, CSRF is waived only for requests that authenticate with Basic (which then use no
 * session), cookies are HttpOnly and SameSite, and every response carries the security headers.
 */
@ReportingTest
class SessionSecurityTest {

    @LocalServerPort
    int port;

    @Value("${server.servlet.session.timeout}")
    java.time.Duration sessionTimeout;

    @Test
    void oneLoginOpensTheWebAppsAndTheirLogoutEndsIt() throws Exception {
        WebSession session = WebSession.login(port, "coordinator");
        // Camunda's web apps know the user from our login as soon as one of them is opened
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = session.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"coordinator\"");
        assertThat(session.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
        assertThat(session.get("/api/cycles").statusCode()).isEqualTo(200);

        String token = session.camundaCsrf();
        HttpResponse<String> logout = session.post("/camunda/api/admin/auth/user/default/logout", "",
                "X-XSRF-TOKEN", token);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(session.get("/api/cycles").statusCode()).isEqualTo(401);
        assertThat(session.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
    }

    @Test
    void ourLogoutEndsTheWebAppsSession() throws Exception {
        WebSession session = WebSession.login(port, "reviewer");
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(session.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
        String form = session.get("/logout").body();
        HttpResponse<String> logout = session.postForm("/logout", "_csrf=" + WebSession.csrf(form));
        assertThat(logout.statusCode()).isIn(204, 302);
        assertThat(session.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
        assertThat(session.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
    }

    @Test
    void anyOtherAuthorizationHeaderBesideTheSessionStillNeedsTheCsrfToken() throws Exception {
        WebSession session = WebSession.login(port, "coordinator");
        HttpResponse<String> bearer = session.post("/api/cycles", "{}", "Authorization", "Bearer x");
        assertThat(bearer.statusCode()).isEqualTo(403);
        // with the session's own token the same request reaches the API (and is refused for its content)
        HttpResponse<String> withToken = session.post("/api/cycles", "{}", "X-CSRF-TOKEN", session.csrf());
        assertThat(withToken.statusCode()).isEqualTo(400);
    }

    @Test
    void basicCredentialsAreCheckedOnEachRequestAndStartNoSession() throws Exception {
        WebSession session = WebSession.login(port, "coordinator");
        // a wrong password is refused even beside a valid session
        HttpResponse<String> wrong = session.post("/api/cycles", "{}", "Authorization", WebSession.basic("coordinator", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> right = plain.send(HttpRequest.newBuilder(url("/api/cycles"))
                .header("Authorization", WebSession.basic("coordinator", "coordinator")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(right.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSessionsTimeOut() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(sessionTimeout).isEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void browsersGetNoBasicChallengeThatWouldMakeThemRememberAPassword() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> fromScript = client.send(HttpRequest.newBuilder(url("/api/cycles")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromScript.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
        HttpResponse<String> fromBrowser = client.send(HttpRequest.newBuilder(url("/api/cycles"))
                .header("Sec-Fetch-Mode", "cors").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromBrowser.statusCode()).isEqualTo(401);
        assertThat(fromBrowser.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/engine", "/api/measures", "/public", "/login", "/my"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> known = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path))
                .header("Authorization", WebSession.basic("vk", "vk")).build(), HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> response : List.of(anonymous, known)) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void camundasOwnHeadersGuardItsWebApps() throws Exception {
        HttpResponse<String> tasklist = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                url("/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
