package lv.opengov.reporting.refresh;

import static lv.opengov.reporting.support.ClientAddresses.from;
import static lv.opengov.reporting.support.ClientAddresses.fromNewAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.support.ProcessTestSupport;
import lv.opengov.reporting.support.RefreshFixture;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The OGP refreshed-plan cycle, every path, through the API as coordinators and the public use it,
 * on the real engine with time moved forward to each timer's moment. A refresh changes the plan, so
 * these tests run on a database of their own, and the other tests keep the plan as seeded.
 */
@ReportingTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:plan-refresh;DB_CLOSE_DELAY=-1")
class PlanRefreshTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RefreshService refreshes;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    Outbox outbox;

    @Autowired
    PlanService plan;

    @Autowired
    lv.opengov.reporting.plan.PlanVersions versions;

    @Autowired
    RefreshFixture refreshFixture;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    // --- the whole cycle ---------------------------------------------------------------------------

    @Test
    void shouldPublishScheduleTakeOpinionsAnswerThemUpdateThePlanAndRecordTheSubmission() throws Exception {
        LocalDate start = spring(1);
        PlanRefresh refresh = start(start, start.plusDays(14), null);
        // without a deadline of its own, the refreshed plan is due at OGP on 28 June of the co-creation year
        assertThat(refresh.getOgpDeadline()).isEqualTo(LocalDate.of(start.getYear(), 6, 28));
        ProcessInstance instance = instance(refresh);
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_SCHEDULE);
        Task schedule = task(refresh, PlanRefreshProcess.TASK_SCHEDULE);
        assertThat(schedule.getDueDate().toInstant().atZone(ZoneId.of("Europe/Riga")).toLocalDate())
                .isEqualTo(start.minusDays(14));

        // an empty schedule or one with markup is refused and the task stays
        assertThatThrownBy(() -> complete("coordinator", schedule, Map.of("schedule", " ")))
                .hasRootCauseInstanceOf(RefreshRefusedException.class);
        assertThatThrownBy(() -> complete("coordinator", schedule, Map.of("schedule", "<script>x</script>")))
                .hasRootCauseInstanceOf(RefreshRefusedException.class);
        complete("coordinator", schedule, Map.of("schedule",
                "12. maijā 10.00 — atklātā sanāksme Valsts kancelejā, Brīvības bulvārī 36; tiešsaiste: https://example.org/tiesraide\n"
                        + "Viedokļus var iesūtīt šajā lapā līdz līdzradīšanas beigām."));
        assertThat(instance).isWaitingAt(PlanRefreshProcess.ACTIVITY_PUBLISH_SCHEDULE);
        runJob(instance);
        PlanRefresh published = refreshes.find(refresh.getId());
        assertThat(published.getSchedulePublishedAt()).isNotNull();
        assertThat(published.getStatus()).isEqualTo(RefreshStatus.COLLECTING_OPINIONS);
        mvc.perform(get("/public/refresh/" + refresh.getId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("atklātā sanāksme Valsts kancelejā")));

        // before co-creation opens: 409; while it is open, anyone may send an opinion
        opinion(refresh, Map.of("measureCode", "3.2", "text", "Par agru.")).andExpect(status().isConflict());
        clock.moveTo(published.getCoCreationStart().atStartOfDay(ZoneId.of("Europe/Riga")).toInstant().plusSeconds(3600));
        long first = id(opinion(refresh, Map.of("measureCode", "3.2", "author", "Biedrība Pārmaiņas",
                "email", "valde@example.org", "text", "Iekļaujiet jauniešu padomes katrā ministrijā."))
                .andExpect(status().isCreated()));
        long second = id(opinion(refresh, Map.of("proposalTitle", "Atvērto datu portāla pilnveide",
                "text", "Papildiniet 5. apņemšanos ar atvērto datu kvalitātes mērķi.")).andExpect(status().isCreated()));
        mvc.perform(post("/api/refreshes/" + refresh.getId() + "/opinions/registered").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"MEETING\",\"measureCode\":\"6.3\",\"text\":\"Pašvaldībām vajag vairāk atbalsta.\"}")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isCreated());
        assertThat(refreshes.opinions(refresh.getId())).hasSize(3);

        // co-creation ends: each opinion needs its reasoned response before the task completes
        clock.moveTo(published.getCoCreationEnd().plusDays(1).atStartOfDay(ZoneId.of("Europe/Riga")).toInstant());
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TIMER_CO_CREATION_ENDED);
        runJob(instance);
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_RESPOND);
        opinion(refresh, Map.of("measureCode", "3.2", "text", "Par vēlu.")).andExpect(status().isConflict());
        Task respond = task(refresh, PlanRefreshProcess.TASK_RESPOND);
        respond(refresh, first, "PARTLY_ACCEPTED", "Jauniešu iesaisti ietversim pasākumā 3.2 kā konsultācijas.");
        respond(refresh, second, "ACCEPTED", "Pievienots starpposma mērķis 5.3.");
        assertThatThrownBy(() -> complete("coordinator", respond, Map.of()))
                .hasRootCauseInstanceOf(RefreshRefusedException.class).hasMessageContaining("1");
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_RESPOND);
        long third = refreshes.opinions(refresh.getId()).get(2).getId();
        mvc.perform(put("/api/refreshes/" + refresh.getId() + "/opinions/" + third + "/response")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"response\":\"NOT_ACCEPTED\",\"reason\":\"\"}")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        respond(refresh, third, "NOT_ACCEPTED", "Atbalsts pašvaldībām ir pasākumā 6.1.");
        complete("coordinator", respond, Map.of());

        // the changes and additions, then the plan as a new version
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_UPDATE);
        change(refresh, Map.of("kind", "NEW_MILESTONE", "measureCode", "5.3", "commitment", 5,
                "titleLv", "Atvērto datu kvalitātes uzlabošana", "titleEn", "Improving open data quality",
                "responsible", "VARAM", "deadline", "2025. gada IV ceturksnis", "reasonLv", "Pēc līdzradīšanas."))
                .andExpect(status().isCreated());
        change(refresh, Map.of("kind", "TITLE_CHANGED", "measureCode", "3.2",
                "titleLv", "Jauniešu un sabiedrības līdzdalības pieejas ikvienā nozarē", "reasonLv", "Viedoklis Nr. 1."))
                .andExpect(status().isCreated());
        change(refresh, Map.of("kind", "REMOVED", "measureCode", "6.2", "reasonLv", "Apvienots ar 6.1."))
                .andExpect(status().isCreated());
        change(refresh, Map.of("kind", "NEW_MEASURE", "measureCode", "1.1", "commitment", 1, "titleLv", "x",
                "responsible", "VK", "reasonLv", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("measureCode"));
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_UPDATE), Map.of());
        assertThat(plan.listMeasures()).extracting(m -> m.code()).contains("5.3").doesNotContain("6.2");
        // reports opened from now on point at the refreshed plan
        assertThat(versions.currentNumber()).isEqualTo(versions.versions().size()).isGreaterThanOrEqualTo(2);
        mvc.perform(get("/api/refreshes/" + refresh.getId() + "/comparison").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '5.3')].before").value(org.hamcrest.Matchers.contains((Object) null)))
                .andExpect(jsonPath("$[?(@.code == '6.2')].after").value(org.hamcrest.Matchers.contains((Object) null)))
                .andExpect(jsonPath("$[?(@.code == '3.2')].after.titleLv").value(org.hamcrest.Matchers.contains(
                        "Jauniešu un sabiedrības līdzdalības pieejas ikvienā nozarē")));

        // publication: opinions without emails, the document in both languages
        assertThat(instance).isWaitingAt(PlanRefreshProcess.ACTIVITY_PUBLISH_OPINIONS);
        runJob(instance);
        mvc.perform(get("/public/refresh/" + refresh.getId()))
                .andExpect(content().string(containsString("Iekļaujiet jauniešu padomes")))
                .andExpect(content().string(containsString("Daļēji ņemts vērā")))
                .andExpect(content().string(not(containsString("valde@example.org"))));
        mvc.perform(get("/api/refreshes/" + refresh.getId() + "/changes.html?lang=en").with(httpBasic("board", "board")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Changes and additions to the Open Government Action Plan")))
                .andExpect(content().string(containsString("New milestone")))
                .andExpect(content().string(not(containsString("valde@example.org"))));
        byte[] pdf = mvc.perform(get("/api/refreshes/" + refresh.getId() + "/changes.pdf").with(httpBasic("board", "board")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            // the table wraps its cells: compare with the line breaks taken out
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Atvērto datu kvalitātes uzlabošana").contains("Jauns starpposma mērķis");
        }

        // submission to OGP with reminders as the date nears
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_SUBMIT);
        fireTimer(instance, "Timer_SubmissionReminder14");
        assertThat(mails(refresh)).anyMatch(m -> m.getSubject().contains("jāiesniedz OGP"));
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_SUBMIT), Map.of());
        assertThat(instance).isEnded().hasPassed(PlanRefreshProcess.END_SUBMITTED);
        PlanRefresh done = refreshes.find(refresh.getId());
        assertThat(done.getStatus()).isEqualTo(RefreshStatus.SUBMITTED);
        assertThat(done.getSubmittedBy()).isEqualTo("coordinator");
        assertThat(done.getSubmittedAt()).isNotNull();
        assertThat(done.getDocumentLv()).contains("Atvērto datu kvalitātes uzlabošana");
    }

    @Test
    void shouldRemindAndEscalateALateScheduleAndALateSubmission() throws Exception {
        LocalDate start = spring(2);
        PlanRefresh refresh = start(start, start.plusDays(8), start.plusDays(40).toString());
        ProcessInstance instance = instance(refresh);
        fireTimer(instance, PlanRefreshProcess.TIMER_SCHEDULE_REMINDER);
        fireTimer(instance, PlanRefreshProcess.TIMER_SCHEDULE_OVERDUE);
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_SCHEDULE);
        assertThat(mails(refresh)).extracting(MailMessage::getSubject)
                .anyMatch(s -> s.contains("Drīz jāpublicē")).anyMatch(s -> s.contains("Nokavēts līdzradīšanas grafiks"));
        assertThat(mails(refresh)).allMatch(m -> m.recipientList().contains("coordinator@example.org"));

        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_SCHEDULE), Map.of("schedule", "Sanāksmes grafiks."));
        runJob(instance);
        clock.moveTo(refresh.getCoCreationEnd().plusDays(1).atStartOfDay(ZoneId.of("Europe/Riga")).toInstant());
        runJob(instance);
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_RESPOND), Map.of());
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_UPDATE), Map.of());
        runJob(instance);
        for (String timer : List.of("Timer_SubmissionReminder7", "Timer_SubmissionReminder2",
                PlanRefreshProcess.TIMER_SUBMISSION_OVERDUE)) {
            fireTimer(instance, timer);
        }
        assertThat(mails(refresh)).extracting(MailMessage::getSubject)
                .anyMatch(s -> s.contains("Nokavēta atjaunotā plāna iesniegšana"));
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_SUBMIT);
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_SUBMIT), Map.of());
        assertThat(instance).isEnded();
    }

    // --- starting and the opinion intake -----------------------------------------------------------

    @Test
    void coCreationStartingWithinFourteenDaysIsRefused() throws Exception {
        LocalDate today = refreshes.today();
        startRequest(today.plusDays(10), today.plusDays(20), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coCreationStart"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("14")));
    }

    @Test
    void coCreationEndingBeforeItStartsIsRefused() throws Exception {
        LocalDate today = refreshes.today();
        startRequest(today.plusDays(30), today.plusDays(20), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coCreationEnd"));
    }

    @Test
    void anOgpDeadlineBeforeCoCreationEndsIsRefused() throws Exception {
        LocalDate today = refreshes.today();
        startRequest(today.plusDays(30), today.plusDays(40), today.plusDays(35).toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ogpDeadline"));
    }

    @Test
    void onlyCoordinatorsStartARefresh() throws Exception {
        mvc.perform(post("/api/refreshes").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(httpBasic("vk", "vk")))
                .andExpect(status().isForbidden());
    }

    private PlanRefresh openForOpinions(int week) throws Exception {
        LocalDate start = spring(week);
        return refreshFixture.collectingOpinions(start, start.plusDays(40), start.plusDays(80));
    }

    static List<Arguments> badOpinions() {
        return List.of(
                Arguments.of("a blank text", Map.of("measureCode", "3.2", "text", " "), "text"),
                Arguments.of("a text of over 5,000 characters", Map.of("measureCode", "3.2", "text", "x".repeat(5001)),
                        "5,000"),
                Arguments.of("markup", Map.of("measureCode", "3.2", "text", "Labs <script>alert(1)</script>"), "HTML"),
                Arguments.of("the trap field filled", Map.of("measureCode", "3.2", "text", "Labs priekšlikums.",
                        "website", "http://spam.example"), null),
                Arguments.of("an unknown measure", Map.of("measureCode", "9.9", "text", "Nav tāda pasākuma."), null),
                Arguments.of("no subject", Map.of("text", "Bez temata."), null),
                Arguments.of("a bad address", Map.of("measureCode", "3.2", "text", "Labs.", "email", "nav-epasts"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOpinions")
    void aBadOpinionIsRefusedWithAClearErrorAndNotStored(String kind, Map<String, Object> body, String explained)
            throws Exception {
        PlanRefresh refresh = openForOpinions(3);
        ResultActions refused = opinion(refresh, body).andExpect(status().isBadRequest());
        if (explained != null) {
            refused.andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.hasValue(containsString(explained))));
        }
        assertThat(refreshes.opinions(refresh.getId())).isEmpty();
    }

    @Test
    void thePublicPagesFormTakesAnOpinionWithItsCsrfToken() throws Exception {
        PlanRefresh refresh = openForOpinions(5);
        mvc.perform(post("/public/refresh/" + refresh.getId() + "/opinions")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("measureCode", "4.3").param("text", "Dialogi arī reģionos."))
                .andExpect(status().is3xxRedirection());
        assertThat(refreshes.opinions(refresh.getId())).singleElement()
                .satisfies(opinion -> assertThat(opinion.getChannel()).isEqualTo(Opinion.Channel.WEB));
    }

    @Test
    void oneAddressCannotFloodTheIntake(@Value("${reporting.refresh.opinions-per-address:5}") int limit)
            throws Exception {
        LocalDate start = spring(4);
        PlanRefresh refresh = start(start, start.plusDays(40), null);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i <= limit; i++) {
            int code = mvc.perform(post("/api/refreshes/" + refresh.getId() + "/opinions")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"measureCode\":\"3.2\",\"text\":\"x\"}")
                    .with(from("192.0.2.77"))).andReturn().getResponse().getStatus();
            if (code == 429) {
                refused++;
            } else {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(limit);
        assertThat(refused).isEqualTo(1);
    }

    // --- helpers -----------------------------------------------------------------------------------

    @Test
    void tasklistOffersCoordinatorsTheTwoProcessesStartedByHandNeverASingleReport() throws Exception {
        List<String> startable = ProcessTestSupport.as(identityService, "coordinator", () -> engine
                .getRepositoryService().createProcessDefinitionQuery().startableInTasklist()
                .startablePermissionCheck().latestVersion().list().stream()
                .map(org.camunda.bpm.engine.repository.ProcessDefinition::getKey).sorted().toList());
        assertThat(startable).containsExactly(PlanRefreshProcess.KEY, "reporting-cycle");
    }

    @Test
    void shouldStartARefreshFromTasklistsStartFormWithTheApisChecks() throws Exception {
        LocalDate start = spring(3);
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PlanRefreshProcess.KEY).latestVersion().singleResult().getId();
        int before = refreshes.list().size();
        // too close to co-creation: refused with the API's message, nothing recorded, no process
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "coordinator", () -> engine.getFormService()
                .submitStartForm(definition, Map.of("coCreationStart", refreshes.today().plusDays(3).toString(),
                        "coCreationEnd", refreshes.today().plusDays(20).toString()))))
                .hasMessageContaining("invalid refresh");
        assertThat(refreshes.list()).hasSize(before);

        ProcessInstance started = ProcessTestSupport.as(identityService, "coordinator", () -> engine.getFormService()
                .submitStartForm(definition, Map.of("coCreationStart", start.toString(),
                        "coCreationEnd", start.plusDays(14).toString())));
        PlanRefresh refresh = refreshes.find(Long.valueOf(started.getBusinessKey()));
        assertThat(refresh.getProcessInstanceId()).isEqualTo(started.getId());
        assertThat(refresh.getCoCreationStart()).isEqualTo(start);
        assertThat(refresh.getOgpDeadline()).isEqualTo(LocalDate.of(start.getYear(), 6, 28));
        assertThat(started).isWaitingAt(PlanRefreshProcess.TASK_SCHEDULE);
        // the form's fields are not kept in the process: it finds the refresh it recorded by its key
        assertThat(runtimeService.getVariables(started.getId())).isEmpty();
    }

    /** A co-creation start in the spring after the test clock's year, a different week for each test. */
    private LocalDate spring(int week) {
        return LocalDate.of(refreshes.today().getYear() + 1, 3, 2).plusWeeks(week);
    }

    private ResultActions startRequest(LocalDate start, LocalDate end, String ogp) throws Exception {
        String body = ogp == null
                ? "{\"coCreationStart\":\"%s\",\"coCreationEnd\":\"%s\"}".formatted(start, end)
                : "{\"coCreationStart\":\"%s\",\"coCreationEnd\":\"%s\",\"ogpDeadline\":\"%s\"}".formatted(start, end, ogp);
        return mvc.perform(post("/api/refreshes").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Accept-Language", "en").with(httpBasic("coordinator", "coordinator")));
    }

    private PlanRefresh start(LocalDate start, LocalDate end, String ogp) throws Exception {
        long id = id(startRequest(start, end, ogp).andExpect(status().isCreated()));
        return refreshes.find(id);
    }

    private ResultActions opinion(PlanRefresh refresh, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/refreshes/" + refresh.getId() + "/opinions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).header("Accept-Language", "en").with(fromNewAddress()));
    }

    private void respond(PlanRefresh refresh, long opinionId, String response, String reason) throws Exception {
        mvc.perform(put("/api/refreshes/" + refresh.getId() + "/opinions/" + opinionId + "/response")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("response", response, "reason", reason)))
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk());
    }

    private ResultActions change(PlanRefresh refresh, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/refreshes/" + refresh.getId() + "/changes").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).header("Accept-Language", "en")
                .with(httpBasic("coordinator", "coordinator")));
    }

    private long id(ResultActions result) throws Exception {
        JsonNode node = json.readTree(result.andReturn().getResponse().getContentAsString());
        return node.get("id").asLong();
    }

    private ProcessInstance instance(PlanRefresh refresh) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(refreshes.find(refresh.getId())
                .getProcessInstanceId()).singleResult();
    }

    private Task task(PlanRefresh refresh, String key) {
        return taskService.createTaskQuery().processInstanceId(refreshes.find(refresh.getId()).getProcessInstanceId())
                .taskDefinitionKey(key).singleResult();
    }

    private void complete(String user, Task task, Map<String, Object> variables) throws Exception {
        ProcessTestSupport.completeAs(identityService, taskService, user, task.getId(), variables);
    }

    /** Runs the instance's one due-now job: a timer whose moment the clock has reached, or an async step. */
    private void runJob(ProcessInstance instance) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).list().stream()
                .filter(j -> j.getDuedate() == null || !j.getDuedate().toInstant().isAfter(clock.instant()))
                .toList();
        assertThat(jobs).hasSize(1);
        managementService.executeJob(jobs.get(0).getId());
    }

    /** Moves the clock to a boundary timer's moment, fires it and runs the mail it leads to. */
    private void fireTimer(ProcessInstance instance, String activityId) {
        String definition = managementService.createJobDefinitionQuery().processDefinitionKey(PlanRefreshProcess.KEY)
                .activityIdIn(activityId).list().get(0).getId();
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId())
                .jobDefinitionId(definition).singleResult();
        clock.moveTo(timer.getDuedate().toInstant());
        managementService.executeJob(timer.getId());
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
            if (job.getDuedate() == null) {
                managementService.executeJob(job.getId());
            }
        }
    }

    private List<MailMessage> mails(PlanRefresh refresh) {
        return outbox.list(null, 1000).stream()
                .filter(m -> m.getIdempotencyKey().startsWith("refresh:" + refresh.getId() + ":")).toList();
    }
}
