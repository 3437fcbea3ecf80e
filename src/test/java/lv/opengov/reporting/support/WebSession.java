package lv.opengov.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client for tests on a real port: it keeps its cookies, logs in through the
 * start page's form with its CSRF token, and knows the session's token for later requests.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient client;
    private final int port;
    private String csrf;

    private WebSession(int port) {
        this.port = port;
        this.cookies = new CookieManager();
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    private WebSession(WebSession other, int port) {
        this.port = port;
        this.cookies = other.cookies;
        this.client = other.client;
        this.csrf = other.csrf;
    }

    /** The same session, its cookies and token, sent to another node of the same host. */
    public WebSession on(int otherPort) {
        return new WebSession(this, otherPort);
    }

    /** A client with no login yet: each request may carry its own credentials. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** A session logged in as the demo user (password = user id). */
    public static WebSession login(int port, String user) throws Exception {
        WebSession session = new WebSession(port);
        String form = session.get("/login").body();
        HttpResponse<String> done = session.postForm("/login",
                "username=" + user + "&password=" + user + "&_csrf=" + csrf(form));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().doesNotContain("error");
        session.csrf = csrf(session.get("/logout").body());
        return session;
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String csrf() {
        return csrf;
    }

    /** Camunda's web apps' CSRF token, which they hand out in a response header. */
    public String camundaCsrf() throws Exception {
        var given = get("/camunda/api/admin/auth/user/default").headers().firstValue("X-XSRF-TOKEN");
        if (given.isPresent()) {
            return given.get();
        }
        // handed out before, and kept in its cookie
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json, text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is read as it arrives, bytes as they are (a download). */
    public HttpResponse<java.io.InputStream> download(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<String> put(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return post(path, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> post(String path, byte[] json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a body of the given type (a multipart form, say), with the session's cookies. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form as the browser sends it, with the session's cookies and the given headers. */
    public HttpResponse<String> postForm(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
