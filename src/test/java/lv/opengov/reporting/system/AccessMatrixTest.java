package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.identity.IdentitySetup;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.refresh.OpinionService;
import lv.opengov.reporting.refresh.RefreshService;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, through the real servlet stack: every row of {@code security/access-matrix.csv}
 * called as each caller, and the handful of checks the table cannot express. The engine's REST API runs
 * in its own servlet, so those rows go over a real port; the project's routes go through MockMvc with
 * a CSRF token, so that a refusal is the route's own and not the CSRF check's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(CycleFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Framework routes that are not the project's: they need no row in the table. */
    private static final Set<String> NOT_PROJECT_ROUTES = Set.of("/error");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    PlanService planService;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private AccessFixture fixture;

    private final AtomicInteger addresses = new AtomicInteger();

    @BeforeAll
    void fixture(@Autowired CycleFixture cycles, @Autowired CycleService cycleService,
            @Autowired RefreshService refreshes, @Autowired OpinionService opinions, @Autowired ServiceZone zone,
            @Autowired Outbox outbox, @Autowired ProcessEngine engine, @Autowired JdbcTemplate jdbc) throws Exception {
        fixture = new AccessFixture(cycles, cycleService, refreshes, opinions, zone, planService, outbox, engine, jdbc)
                .build();
    }

    @AfterAll
    void cleanUp() {
        fixture.cleanUp();
    }

    // --- the table ---------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicNode> everyRouteAsEveryCaller() {
        return AccessMatrix.rows().stream().map(row -> DynamicContainer.dynamicContainer(
                "line " + row.line() + ": " + row.name() + (row.body().isEmpty() ? "" : " [" + row.body() + "]"),
                AccessMatrix.CALLERS.stream().map(caller -> DynamicTest.dynamicTest(
                        caller + " gets " + row.expected().get(caller).text(), () -> check(row, caller)))));
    }

    private void check(AccessMatrix.Row row, String caller) throws Exception {
        String gap = row.gapFor(caller);
        Assumptions.assumeTrue(gap == null, () -> "known gap: " + gap);
        AccessMatrix.Outcome expected = row.expected().get(caller);
        boolean spare = row.path().contains("{spare");
        String path = fixture.fill(row.path(), caller);
        Map<String, Integer> before = row.method().equals("GET") ? null : fixture.state();
        Answer answer = path.startsWith("/engine-rest") ? callEngine(row, path, caller) : callMvc(row, path, caller);
        Map<String, Integer> after = before == null ? null : fixture.state();
        if (spare && (answer.status() < 400 || !before.equals(after))) {
            fixture.spareUsed();
        }
        String where = row.name() + " as " + caller + " (" + path + ")";
        assertThat(expected.allows(answer.status(), answer.location()))
                .as("%s: expected %s, got %d%s; body: %s", where, expected.text(), answer.status(),
                        answer.location() == null ? "" : " to " + answer.location(), abbreviate(answer.text()))
                .isTrue();
        if (expected.refuses() && before != null) {
            Set<String> changed = new TreeSet<>();
            before.forEach((table, hash) -> {
                if (!hash.equals(after.get(table))) {
                    changed.add(table);
                }
            });
            assertThat(changed).as("%s was refused but changed these tables", where).isEmpty();
        }
        if (expected.ownOnly()) {
            String text = answer.text();
            List<String> seen = fixture.foreignMarkers(caller).stream().filter(text::contains).toList();
            assertThat(seen).as("%s shows what belongs to another institution", where).isEmpty();
        }
    }

    record Answer(int status, String location, String text) {
    }

    private Answer callMvc(AccessMatrix.Row row, String path, String caller) throws Exception {
        MockHttpServletRequestBuilder request = row.body().equals("evidence-disguised")
                // a Windows program named as a PDF, sent as the evidence page's form sends a file
                ? multipart(URI.create(path)).file(new MockMultipartFile("file", "rēķins.pdf", "application/pdf",
                        EvidenceSamples.exe()))
                : request(HttpMethod.valueOf(row.method()), URI.create(path));
        if (!caller.equals("anonymous")) {
            request.with(httpBasic(caller, caller));
        }
        if (!row.method().equals("GET")) {
            request.with(csrf());
        }
        if (row.area().equals("pages")) {
            request.accept("text/html");
        }
        // each call from an address of its own: the opinion rows must meet the route, not its rate limit
        int address = addresses.incrementAndGet();
        request.with(r -> {
            r.setRemoteAddr("10.9." + (address / 250) + "." + (address % 250 + 1));
            return r;
        });
        Body body = body(row.body(), caller);
        if (body != null) {
            request.contentType(body.type()).content(body.content());
        }
        MockHttpServletResponse response = mvc.perform(request.header("Accept-Language", "en")).andReturn()
                .getResponse();
        return new Answer(response.getStatus(), response.getRedirectedUrl(),
                text(path, response.getContentType(), response.getContentAsByteArray()));
    }

    private Answer callEngine(AccessMatrix.Row row, String path, String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!caller.equals("anonymous")) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((caller + ":" + caller).getBytes(StandardCharsets.UTF_8)));
        }
        Body body = body(row.body(), caller);
        if (body != null) {
            request.header("Content-Type", body.type());
        }
        request.method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.content()));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                text(path, response.headers().firstValue("Content-Type").orElse(""), response.body()));
    }

    /** The answer as text, spreadsheets and PDFs included, for the own-only check. */
    private static String text(String path, String type, byte[] content) throws Exception {
        if (content.length == 0) {
            return "";
        }
        if (path.endsWith(".xlsx")) {
            StringBuilder text = new StringBuilder();
            DataFormatter format = new DataFormatter();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
                workbook.forEach(sheet -> sheet.forEach(r -> r.forEach(c -> text.append(format.formatCellValue(c))
                        .append('\n'))));
            } catch (RuntimeException | java.io.IOException e) {
                return new String(content, StandardCharsets.ISO_8859_1);
            }
            return text.toString();
        }
        if (path.endsWith(".pdf") && content.length > 4 && content[0] == '%') {
            try (var document = Loader.loadPDF(content)) {
                return new PDFTextStripper().getText(document);
            }
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    record Body(String type, byte[] content) {
        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Body form(String form) {
            return new Body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The named request bodies of the table: each one a route refuses unless the row says otherwise. */
    private Body body(String name, String caller) {
        String report = "\"completion\":{\"value\":\"LIMITED\"},\"progress\":{\"value\":\"Pārbaude.\"}";
        return switch (name) {
            case "", "evidence-disguised" -> null;
            case "plan-csv-invalid" -> new Body("text/csv",
                    "code,commitment,title_lv,title_en,responsible,co_responsible\n1.1,x,,,NOPE,\n"
                            .getBytes(StandardCharsets.UTF_8));
            case "cycle-invalid", "refresh-invalid" -> Body.json("{}");
            case "extension-invalid" -> Body.json("{\"submissionDeadline\":\"not-a-date\"}");
            case "clock-invalid" -> Body.json("{\"to\":\"not-a-date\"}");
            case "page-clock-invalid" -> Body.form("to=not-a-date");
            case "calendar-day-invalid" -> Body.json("{\"date\":\"not-a-date\",\"kind\":\"NOPE\"}");
            case "opinion-invalid" -> Body.json("{\"measureCode\":\"3.2\",\"text\":\"\"}");
            case "response-invalid" -> Body.json("{\"response\":\"NOT_ACCEPTED\",\"reason\":\"\"}");
            case "change-invalid" -> Body.json("{\"kind\":\"NOPE\"}");
            case "page-response-invalid" -> Body.form("response=NOT_ACCEPTED&reason=");
            case "page-change-invalid" -> Body.form("kind=NOPE");
            case "page-opinion-invalid" -> Body.form("measureCode=3.2&text=");
            case "progress-invalid" -> Body.form("milestone.0.state=NOPE");
            case "task-update" -> Body.json("{\"name\":\"Pārbaude\",\"assignee\":\"" + caller
                    + "\",\"due\":\"2099-01-01T09:00:00.000+0200\",\"priority\":50}");
            case "variable" -> Body.json("{\"value\":\"probe\",\"type\":\"String\"}");
            case "local-variables" -> Body.json(
                    "{\"modifications\":{\"accessProbe\":{\"value\":\"probe\",\"type\":\"String\"}}}");
            case "identity-link" -> Body.json("{\"groupId\":\"inst-vas\",\"type\":\"candidate\"}");
            case "bpmn-error" -> Body.json("{\"errorCode\":\"ACCESS_PROBE\",\"errorMessage\":\"probe\"}");
            case "claim" -> Body.json("{\"userId\":\"" + caller + "\"}");
            case "claim-for-vas" -> Body.json("{\"userId\":\"vas\"}");
            case "job-retries-none" -> Body.json("{\"retries\":0}");
            case "report" -> Body.json("{\"variables\":{" + report + "}}");
            case "report-with-task-group" -> Body.json(
                    "{\"variables\":{" + report + ",\"taskGroup\":{\"value\":\"inst-vas\"}}}");
            case "deployment" -> new Body("multipart/form-data; boundary=matrix",
                    ("--matrix\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                            + AccessFixture.PROBE + "\r\n--matrix\r\nContent-Disposition: form-data; name=\"probe.txt\"; "
                            + "filename=\"probe.txt\"\r\nContent-Type: text/plain\r\n\r\nprobe\r\n--matrix--\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            case "user-create" -> Body.json("{\"profile\":{\"id\":\"" + AccessFixture.PROBE + "-" + caller
                    + "\",\"firstName\":\"Probe\",\"lastName\":\"Probe\",\"email\":\"probe@example.org\"},"
                    + "\"credentials\":{\"password\":\"probe-password-1\"}}");
            default -> throw new IllegalArgumentException("No body named " + name);
        };
    }

    @Test
    void ownOnlyCheckSeesAnotherInstitutionsItems() throws Exception {
        // the markers are real: the answers an institution must not get do contain them
        String allTasks = rest.withBasicAuth("admin", "admin").getForObject("/engine-rest/task", String.class);
        assertThat(fixture.foreignMarkers("vas")).anyMatch(allTasks::contains);
        assertThat(fixture.foreignMarkers("vk")).anyMatch(allTasks::contains);
        String overview = rest.withBasicAuth("coordinator", "coordinator")
                .getForObject(fixture.fill("/api/cycles/{cycleId}/overview", "coordinator"), String.class);
        assertThat(fixture.foreignMarkers("vk")).anyMatch(overview::contains);
        assertThat(fixture.foreignMarkers("vas")).anyMatch(overview::contains);
    }

    // --- every project route has its row ----------------------------------------------------------

    @Test
    void everyProjectRouteHasARowInTheTable(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        Set<String> covered = new LinkedHashSet<>();
        for (AccessMatrix.Row row : AccessMatrix.rows()) {
            covered.add(row.method() + " " + row.pattern());
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("lv.opengov.reporting")) {
                continue;
            }
            Set<String> methods = new TreeSet<>();
            mapping.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (NOT_PROJECT_ROUTES.contains(pattern)) {
                    continue;
                }
                String normalised = pattern.replaceAll("\\{[^}]+}", "{}");
                for (String method : methods) {
                    if (!covered.contains(method + " " + normalised)) {
                        missing.add(method + " " + pattern + " (" + mapping.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("routes without a row in %s", AccessMatrix.RESOURCE).isEmpty();
    }

    // --- what the table cannot express -------------------------------------------------------------

    @ParameterizedTest(name = "anonymous {0} {1} gets 401")
    @CsvSource({"GET,/api/measures", "GET,/api/outbox", "POST,/api/plan/import", "GET,/api/anything"})
    void anonymousApiCallsGet401WithJson(String method, String path) throws Exception {
        mvc.perform(method.equals("GET") ? get(path) : post(path).contentType("text/csv").content("x"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void wrongPasswordGets401() throws Exception {
        // a user of its own: Camunda delays the next login of a user after a wrong password
        mvc.perform(get("/api/measures").with(httpBasic("vid", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/measures").with(httpBasic("nobody", "nobody"))).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest(name = "{0} on {2} {3} gets {1}")
    @CsvSource({
            "vk,403,GET,/api/outbox",
            "vk,403,POST,/api/plan/import",
            "reviewer,403,GET,/api/outbox",
            "board,403,POST,/api/plan/import",
            "vk,200,GET,/api/measures",
            "coordinator,200,GET,/api/outbox",
            "admin,200,GET,/api/outbox"})
    void rolesGetWhatTheirGroupAllows(String user, int expected, String method, String path) throws Exception {
        var request = method.equals("GET") ? get(path)
                : post(path).contentType("text/csv").content(
                        planCsv());
        mvc.perform(request.with(httpBasic(user, user))).andExpect(status().is(expected));
    }

    private static String planCsv() {
        return "code,commitment,title_lv,title_en,responsible,co_responsible\n1.1,1,,Title,VK,\n";
    }

    @Test
    void forbiddenAnswerIsJsonInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/outbox").header("Accept-Language", "en").with(httpBasic("vk", "vk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Your account may not do this."));
        mvc.perform(get("/api/outbox").with(httpBasic("vk", "vk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Jūsu kontam tas nav atļauts."));
    }

    @Test
    void sessionWithoutCsrfTokenCannotChangeData() throws Exception {
        mvc.perform(post("/api/plan/import").contentType("text/csv").content(planCsv())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("coordinator").authorities(
                                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                                "GROUP_coordinators"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void engineRestRequiresAuthentication() {
        ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> wrong = rest.withBasicAuth("fm", "nope").getForEntity("/engine-rest/task", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> known = rest.withBasicAuth("vk", "vk").getForEntity("/engine-rest/task", String.class);
        assertThat(known.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void engineAuthorizationsAreEnforcedOnTheRestApi() {
        // an institution user may not read the list of users, only an administrator may deploy
        ResponseEntity<String> deployments = rest.withBasicAuth("vk", "vk")
                .getForEntity("/engine-rest/authorization?userIdIn=coordinator", String.class);
        assertThat(deployments.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deployments.getBody()).isEqualTo("[]");
        ResponseEntity<String> delete = rest.withBasicAuth("vk", "vk")
                .exchange("/engine-rest/user/coordinator", HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest(name = "{0} sees the Tasklist filter {1}")
    @CsvSource({
            "vk,Manas iestādes atskaites / My institution's reports",
            "varam,Manas iestādes atskaites / My institution's reports",
            "reviewer,Izvērtēšanas rinda / Review queue",
            "coordinator,Visas atvērtās atskaites / All open reports"})
    void eachRoleSeesItsOwnTasklistFilter(String user, String filter) {
        ResponseEntity<List<Map<String, Object>>> filters = rest.withBasicAuth(user, user).exchange(
                "/engine-rest/filter", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(filters.getBody()).extracting(f -> f.get("name")).containsExactly(filter);
    }

    @Test
    void everyInstitutionHasItsGroupAndDemoUser() {
        ResponseEntity<List<Map<String, Object>>> groups = rest.withBasicAuth("admin", "admin").exchange(
                "/engine-rest/group?member=vk", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(groups.getBody()).extracting(g -> g.get("id")).containsExactly("inst-vk");
        assertThat(planService.listInstitutions()).hasSize(6);
        for (var institution : planService.listInstitutions()) {
            String user = institution.getCode().toLowerCase(java.util.Locale.ROOT);
            ResponseEntity<List<Map<String, Object>>> memberOf = rest.withBasicAuth("admin", "admin").exchange(
                    "/engine-rest/group?member=" + user, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                    });
            assertThat(memberOf.getBody()).extracting(g -> g.get("id")).containsExactly(institution.groupId());
        }
    }

    @Test
    void modelsAndFormsAreDeployed() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("measure-report").count())
                .isEqualTo(1);
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("measure-report")
                .singleResult().getDeploymentId();
        List<String> names = repositoryService.getDeploymentResourceNames(deploymentId);
        for (String resource : List.of("bpmn/measure-report.bpmn", "forms/submit-report.form",
                "forms/review-report.form")) {
            assertThat(names).anySatisfy(name -> assertThat(name).endsWith(resource));
        }
    }

    @Test
    void webAppsSendVisitorsToTheOneLoginAndRefuseTheirOwn() {
        // (the test client follows the redirect)
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getBody()).contains("action=\"/login\"").doesNotContain("Camunda Tasklist");
        // Camunda's own password check would pass by the login throttle
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new org.springframework.http.HttpEntity<>("username=vk&password=vk", headers),
                String.class);
        assertThat(login.getStatusCode().value()).isIn(401, 403);
        assertThat(login.getBody()).doesNotContain("\"userId\"");
    }

    @Test
    void healthAndItsProbesAreOpen() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<String> health = rest.getForEntity(path, String.class);
            assertThat(health.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody()).as(path).contains("UP");
        }
    }

    @Test
    void filtersAreCreatedOnlyOnce(@Autowired IdentitySetup identitySetup,
            @Autowired org.camunda.bpm.engine.FilterService filterService) {
        identitySetup.ensureAll();
        identitySetup.ensureAll();
        assertThat(filterService.createFilterQuery().count()).isEqualTo(3);
    }
}
