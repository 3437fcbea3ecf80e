package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.calendar.CalendarService;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.refresh.RefreshQuery;
import lv.opengov.reporting.refresh.RefreshService;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ProcessTestSupport;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestClock;
import lv.opengov.reporting.support.TestClockConfig;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile input against every input of the project's own API: wrong JSON types, missing fields, huge
 * strings and numbers, impossible dates, markup, template expressions, SQL metacharacters, invalid
 * UTF-8, line breaks meant for mail headers and the same submission twice. Each is refused with a 4xx
 * and a JSON message in the caller's language, nothing is stored, and no answer shows internals.
 */
@ReportingTest
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String MEGABYTE = "x".repeat(1_000_000);
    private static final byte[] BAD_UTF8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
        (byte) 0xFF, '"', '}'};
    private static final String[] BAD_DATES = {"2026-02-30", "0000-00-00", "+999999999-12-31", "-999999999-01-01",
        "1e400", "NaN", "javascript:alert(1)", "<script>alert(1)</script>", "${7*7}", "#{7*7}", "[[${7*7}]]",
        "*{7*7}", "' OR 1=1 --", "2026-01-01\r\nBcc: x@example.org"};
    private static final String[] BAD_IDS = {"abc", "1e400", "NaN", "Infinity", "9223372036854775808", "-1",
        "0", "%27%20OR%201=1%20--", "%24%7B7*7%7D", "1.5"};

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CycleFixture fixture;

    @Autowired
    CycleQuery cycles;

    @Autowired
    PlanService plan;

    @Autowired
    CalendarService calendar;

    @Autowired
    RefreshService refreshes;

    @Autowired
    RefreshQuery query;

    @Autowired
    ServiceZone zone;

    @Autowired
    Outbox outbox;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    TestClock clock;

    private ReportingCycle open;
    private Long refresh;

    @BeforeAll
    void cycleAndRefreshOpenForInput() throws Exception {
        open = fixture.openCycle("Naidīgas ievades pārbaude");
        LocalDate start = zone.today().plusDays(20);
        refresh = refreshes.start(new RefreshService.RefreshRequest(start.toString(), start.plusDays(30).toString(),
                start.plusDays(60).toString()), "coordinator").getId();
        String instance = query.find(refresh).getProcessInstanceId();
        String task = tasks.createTaskQuery().processDefinitionKey(PlanRefreshProcess.KEY)
                .processInstanceBusinessKey(PlanRefreshProcess.businessKey(refresh))
                .taskDefinitionKey(PlanRefreshProcess.TASK_SCHEDULE).singleResult().getId();
        ProcessTestSupport.as(identity, "coordinator", () -> {
            tasks.complete(task, java.util.Map.of("schedule", "Grafiks."));
            return null;
        });
        management.createJobQuery().processInstanceId(instance).list().stream().filter(j -> j.getDuedate() == null)
                .forEach(j -> management.executeJob(j.getId()));
        clock.moveTo(zone.startOf(start).plusSeconds(3600));
    }

    // --- the requests ------------------------------------------------------------------------------

    static Stream<String> hostileCycleBodies() {
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "\"text\"", "42", "null", "{}",
                "{\"name\":{\"a\":1}}", "{\"name\":[\"x\"]}", "{\"name\":\"Ok\",\"acceptMovedDates\":\"maybe\"}",
                "{\"name\":\"Ok\",\"periodFrom\":1e400}", "{\"name\":\"Ok\",\"periodFrom\":NaN}",
                cycle(MEGABYTE, "2030-01-01"),
                cycle("Cikls\r\nBcc: victim@example.org", "2030-01-01"),
                cycle("<script>alert(1)</script>", "2030-01-01"),
                cycle("Cikls\u0000", "2030-01-01")));
        for (String date : BAD_DATES) {
            bodies.add(cycle("Cikls", date));
        }
        return bodies.stream();
    }

    static Stream<String> hostileExtensions() {
        List<String> bodies = new ArrayList<>(List.of("", "[]", "{}", "{\"submissionDeadline\":[1]}",
                "{\"submissionDeadline\":9223372036854775808}", "{\"submissionDeadline\":\"2040-01-01\","
                        + "\"measureCode\":\"<script>alert(1)</script>\"}",
                "{\"submissionDeadline\":\"2040-01-01\",\"measureCode\":\"' OR 1=1 --\"}"));
        for (String date : BAD_DATES) {
            bodies.add("{\"submissionDeadline\":" + quoted(date) + "}");
        }
        return bodies.stream();
    }

    static Stream<String> hostileCalendarDays() {
        List<String> bodies = new ArrayList<>(List.of("", "[]", "{}", "{\"date\":{}}",
                "{\"date\":\"2031-03-03\",\"kind\":\"' OR 1=1 --\",\"reasonLv\":\"x\",\"reasonEn\":\"x\"}",
                "{\"date\":\"2031-03-03\",\"kind\":\"DAY_OFF\",\"reasonLv\":\"" + MEGABYTE + "\",\"reasonEn\":\"x\"}"));
        for (String date : BAD_DATES) {
            bodies.add("{\"date\":" + quoted(date) + ",\"kind\":\"DAY_OFF\",\"reasonLv\":\"x\",\"reasonEn\":\"x\"}");
        }
        return bodies.stream();
    }

    static Stream<String> hostileOpinions() {
        return Stream.of("", "{", "[]", "{}", "{\"text\":{\"a\":1},\"measureCode\":\"3.2\"}",
                "{\"text\":[\"x\"],\"measureCode\":\"3.2\"}", "{\"text\":1e400,\"measureCode\":\"3.2\"}",
                opinion("3.2", MEGABYTE, null, null),
                opinion("3.2", "<script>alert(1)</script>", null, null),
                opinion("3.2", "Labs <img src=x onerror=alert(1)>", null, null),
                opinion("3.2", "Labs.", "Jānis\r\nBcc: victim@example.org", null),
                opinion("3.2", "Labs.", null, "janis@example.org\r\nBcc: victim@example.org"),
                opinion("3.2", "Labs.", null, "javascript:alert(1)"),
                opinion("3.2", "Labs.", null, "data:text/html,<script>alert(1)</script>"),
                opinion("3.2", "Labs.", MEGABYTE, null),
                opinion("' OR 1=1 --", "Labs.", null, null),
                opinion("${7*7}", "Labs.", null, null),
                opinion("#{7*7}", "Labs.", null, null),
                opinion("[[${7*7}]]", "Labs.", null, null),
                opinion("*{7*7}", "Labs.", null, null));
    }

    static Stream<String> hostileRefreshStarts() {
        List<String> bodies = new ArrayList<>(List.of("", "[]", "{}", "{\"coCreationStart\":{}}"));
        for (String date : BAD_DATES) {
            bodies.add("{\"coCreationStart\":" + quoted(date) + ",\"coCreationEnd\":\"2040-05-01\"}");
        }
        return bodies.stream();
    }

    static Stream<String> hostilePlanTables() {
        String header = "code,name_lv,name_en,contact_email,head_email,language\n";
        return Stream.of("", "\n", "code\n1\n", "just text",
                header + "VK,\"Valsts\r\nBcc: victim@example.org\",State Chancellery,vk@example.org,,lv\n",
                header + "VK,Valsts kanceleja,State Chancellery,\"vk@example.org\r\nBcc: victim@example.org\",,lv\n",
                header + "VK,Valsts kanceleja,State Chancellery,\"javascript:alert(1)\",,lv\n",
                header + "VK,<script>alert(1)</script>,State Chancellery,vk@example.org,,lv\n",
                header + "VK," + MEGABYTE + ",State Chancellery,vk@example.org,,lv\n",
                header + "VK,Valsts kanceleja,State Chancellery,vk@example.org,,' OR 1=1 --\n");
    }

    static Stream<String> badIds() {
        return Stream.of(BAD_IDS);
    }

    static Stream<String> badQueries() {
        return Stream.of("/api/calendar/days-off", "/api/calendar/days-off?from=2026-01-01",
                "/api/calendar/days-off?from=2026-02-30&to=2026-03-31",
                "/api/calendar/days-off?from=0000-00-00&to=2026-03-31",
                "/api/calendar/days-off?from=%2B999999999-12-31&to=%2B999999999-12-31",
                "/api/calendar/days-off?from=-999999999-01-01&to=-999999999-12-31",
                "/api/calendar/days-off?from=2026-01-01&to=%27%20OR%201=1%20--",
                "/api/calendar/days-off?from=2026-12-31&to=2026-01-01",
                "/api/outbox?status=BOGUS", "/api/outbox?status=%27%20OR%201=1%20--", "/api/outbox?limit=abc",
                "/api/outbox?limit=1e400", "/api/outbox?limit=9223372036854775808", "/api/outbox?limit=NaN",
                "/api/outbox?limit=Infinity");
    }

    // --- the tests ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "POST /api/cycles {index}")
    @MethodSource("hostileCycleBodies")
    void cycleStartRefusesHostileBodies(String body) throws Exception {
        refused(() -> cycles.list().size(), language -> post("/api/cycles").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(httpBasic("coordinator", "coordinator")));
    }

    @Test
    void cycleStartRefusesInvalidUtf8AndAnUnknownContentType() throws Exception {
        refused(() -> cycles.list().size(), language -> post("/api/cycles").contentType(MediaType.APPLICATION_JSON)
                .content(BAD_UTF8).with(httpBasic("coordinator", "coordinator")));
        refused(() -> cycles.list().size(), language -> post("/api/cycles").contentType(MediaType.TEXT_PLAIN)
                .content("name=x").with(httpBasic("coordinator", "coordinator")));
    }

    @Test
    void theSameCycleSentTwiceIsStoredOnce() throws Exception {
        LocalDate today = zone.today();
        String body = json.writeValueAsString(java.util.Map.of("name", "Divreiz", "periodFrom", "2160-01-01",
                "periodTo", "2160-12-31", "invitationDate", today.plusDays(30).toString(), "submissionDeadline",
                today.plusDays(60).toString(), "legalDeadline", today.plusDays(90).toString()));
        int before = cycles.list().size();
        assertThat(mvc.perform(post("/api/cycles").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic("coordinator", "coordinator"))).andReturn().getResponse().getStatus()).isEqualTo(201);
        refused(() -> cycles.list().size(), language -> post("/api/cycles").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(httpBasic("coordinator", "coordinator")));
        assertThat(cycles.list()).hasSize(before + 1);
    }

    @ParameterizedTest(name = "cycle id {0}")
    @MethodSource("badIds")
    void cycleCommandsAndQueriesRefuseBadIds(String id) throws Exception {
        Supplier<Object> state = () -> cycles.list().stream().map(c -> c.getStatus() + ":" + c.getSubmissionDeadline())
                .toList();
        refused(state, language -> get(java.net.URI.create("/api/cycles/" + id)).with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> get(java.net.URI.create("/api/cycles/" + id + "/overview")).with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> get(java.net.URI.create("/api/cycles/" + id + "/report.csv")).with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> post(java.net.URI.create("/api/cycles/" + id + "/close")).with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> post(java.net.URI.create("/api/cycles/" + id + "/extend")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"submissionDeadline\":\"2040-01-01\"}").with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> post(java.net.URI.create("/api/outbox/" + id + "/retry")).with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> get(java.net.URI.create("/api/refreshes/" + id)).with(httpBasic("coordinator", "coordinator")));
        refused(state, language -> put(java.net.URI.create("/api/refreshes/" + refresh + "/opinions/" + id + "/response"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"response\":\"ACCEPTED\",\"reason\":\"x\"}")
                .with(httpBasic("coordinator", "coordinator")));
    }

    @ParameterizedTest(name = "extend {index}")
    @MethodSource("hostileExtensions")
    void extensionRefusesHostileBodies(String body) throws Exception {
        refused(() -> cycles.find(open.getId()).getSubmissionDeadline(), language -> post(
                "/api/cycles/" + open.getId() + "/extend").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic("coordinator", "coordinator")));
    }

    @ParameterizedTest(name = "calendar day {index}")
    @MethodSource("hostileCalendarDays")
    void calendarRefusesHostileDays(String body) throws Exception {
        refused(() -> calendar.list().size(), language -> post("/api/calendar/days")
                .contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic("coordinator", "coordinator")));
    }

    @ParameterizedTest(name = "calendar delete {0}")
    @MethodSource("badDates")
    void calendarRefusesBadDatesToDelete(String date) throws Exception {
        refused(() -> calendar.list().size(), language -> delete("/api/calendar/days/{date}", date)
                .with(httpBasic("coordinator", "coordinator")));
    }

    /** Dates as path segments; line breaks in a path never reach the application (the firewall refuses them). */
    static Stream<String> badDates() {
        return Stream.of(BAD_DATES).filter(d -> !d.contains("\r"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("badQueries")
    void queriesRefuseBadParameters(String path) throws Exception {
        refused(() -> outbox.list(null, 1000).size(), language -> get(java.net.URI.create(path))
                .with(httpBasic("coordinator", "coordinator")));
    }

    @ParameterizedTest(name = "opinion {index}")
    @MethodSource("hostileOpinions")
    void publicOpinionFormRefusesHostileBodies(String body) throws Exception {
        refused(() -> query.opinions(refresh).size(), language -> post("/api/refreshes/" + refresh + "/opinions")
                .contentType(MediaType.APPLICATION_JSON).content(body).with(newAddress()));
    }

    @Test
    void publicOpinionFormRefusesInvalidUtf8BadIdsAndTheSameOpinionTwice() throws Exception {
        Supplier<Object> count = () -> query.opinions(refresh).size();
        refused(count, language -> post("/api/refreshes/" + refresh + "/opinions")
                .contentType(MediaType.APPLICATION_JSON).content(BAD_UTF8).with(newAddress()));
        for (String id : BAD_IDS) {
            refused(count, language -> post(java.net.URI.create("/api/refreshes/" + id + "/opinions"))
                    .contentType(MediaType.APPLICATION_JSON).content(opinion("3.2", "Labs.", null, null))
                    .with(newAddress()));
        }
        String body = opinion("4.3", "Dialogi arī Latgalē.", "Jānis", "janis@example.org");
        assertThat(mvc.perform(post("/api/refreshes/" + refresh + "/opinions").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(newAddress())).andReturn().getResponse().getStatus()).isEqualTo(201);
        int stored = query.opinions(refresh).size();
        refused(count, language -> post("/api/refreshes/" + refresh + "/opinions")
                .contentType(MediaType.APPLICATION_JSON).content(body).with(newAddress()));
        assertThat(query.opinions(refresh)).hasSize(stored);
    }

    @ParameterizedTest(name = "refresh start {index}")
    @MethodSource("hostileRefreshStarts")
    void refreshStartRefusesHostileBodies(String body) throws Exception {
        refused(() -> query.list().size(), language -> post("/api/refreshes")
                .contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic("coordinator", "coordinator")));
    }

    @ParameterizedTest(name = "plan import {index}")
    @MethodSource("hostilePlanTables")
    void planImportRefusesHostileTablesAsCsvAndMultipart(String table) throws Exception {
        Supplier<Object> planState = () -> List.of(plan.listMeasures(), plan.listInstitutions().stream()
                .map(i -> i.getCode() + i.name(java.util.Locale.ENGLISH)).toList());
        refused(planState, language -> post("/api/plan/import?table=institutions").contentType("text/csv")
                .content(table).with(httpBasic("coordinator", "coordinator")));
        refused(planState, language -> multipart("/api/plan/import").file(new MockMultipartFile("institutions",
                "institutions.csv", "text/csv", table.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("coordinator", "coordinator")));
    }

    @Test
    void planImportRefusesInvalidUtf8UnknownTablesAndEmptyForms() throws Exception {
        Supplier<Object> measures = () -> plan.listMeasures();
        refused(measures, language -> post("/api/plan/import").contentType("text/csv").content(new byte[] {
            'c', 'o', 'd', 'e', (byte) 0xC3, (byte) 0x28, '\n'}).with(httpBasic("coordinator", "coordinator")));
        for (String table : List.of("<script>alert(1)</script>", "' OR 1=1 --", "${7*7}", MEGABYTE.substring(0, 5000))) {
            refused(measures, language -> post("/api/plan/import").param("table", table).contentType("text/csv")
                    .content("code\n").with(httpBasic("coordinator", "coordinator")));
            refused(measures, language -> multipart("/api/plan/import").file(new MockMultipartFile(table, "x.csv",
                    "text/csv", "code\n".getBytes(StandardCharsets.UTF_8))).with(httpBasic("coordinator", "coordinator")));
        }
        refused(measures, language -> multipart("/api/plan/import").with(httpBasic("coordinator", "coordinator")));
    }

    // --- the one rule for every refusal ------------------------------------------------------------

    /**
     * Sends the request in Latvian (no language asked for) and in English: both are 4xx with a JSON
     * message, the two messages differ, neither shows internals, and the state read before is unchanged.
     */
    private void refused(Supplier<Object> state, Function<String, MockHttpServletRequestBuilder> request)
            throws Exception {
        Object before = state.get();
        MockHttpServletResponse latvian = mvc.perform(request.apply("lv")).andReturn().getResponse();
        MockHttpServletResponse english = mvc.perform(request.apply("en").header("Accept-Language", "en"))
                .andReturn().getResponse();
        String lv = check(latvian);
        String en = check(english);
        assertThat(lv).as("the Latvian message differs from the English one").isNotEqualTo(en);
        assertThat(state.get()).as("nothing was stored").isEqualTo(before);
    }

    private String check(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(400, 499);
        assertThat(response.getContentType()).as(response.getStatus() + " " + body + " " + response.getErrorMessage())
                .startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContain("java.").doesNotContain("at lv.")
                .doesNotContain("org.springframework").doesNotContain("\tat ").doesNotContain("49");
        JsonNode node = json.readTree(body);
        assertThat(node.path("status").asInt()).isEqualTo(response.getStatus());
        assertThat(node.path("message").asText()).isNotBlank();
        return node.path("message").asText() + node.path("errors");
    }

    /** Each opinion from an address of its own, so that the intake's rate limit is not what refuses it. */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor newAddress() {
        int n = ADDRESS.incrementAndGet();
        return request -> {
            request.setRemoteAddr("10.9." + (n / 250) % 250 + "." + n % 250);
            return request;
        };
    }

    private static String cycle(String name, String date) {
        return "{\"name\":" + quoted(name) + ",\"periodFrom\":" + quoted(date) + ",\"periodTo\":\"2031-12-31\","
                + "\"invitationDate\":\"2030-01-07\",\"submissionDeadline\":\"2030-02-04\","
                + "\"legalDeadline\":\"2030-03-04\"}";
    }

    private static String opinion(String measure, String text, String author, String email) {
        StringBuilder body = new StringBuilder("{\"measureCode\":" + quoted(measure) + ",\"text\":" + quoted(text));
        if (author != null) {
            body.append(",\"author\":").append(quoted(author));
        }
        if (email != null) {
            body.append(",\"email\":").append(quoted(email));
        }
        return body.append('}').toString();
    }

    private static String quoted(String value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
