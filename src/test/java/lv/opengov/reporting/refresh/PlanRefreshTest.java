package lv.opengov.reporting.refresh;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.support.ProcessTestSupport;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The OGP refreshed-plan cycle, every path, through the API as coordinators and the public use it,
 * on the real engine with time moved forward to each timer's moment.
 */
@SpringBootTest(properties = "reporting.refresh.opinions-per-address=1000")
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(PlanRefreshTest.Time.class)
class PlanRefreshTest {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RefreshQuery query;

    @Autowired
    ServiceZone zone;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    lv.opengov.reporting.cycle.CycleSchedule cycleSchedule;

    @Autowired
    lv.opengov.reporting.calendar.LatvianCalendar calendar;

    @Autowired
    Outbox outbox;

    @Autowired
    PlanService plan;

    @Autowired
    lv.opengov.reporting.plan.PlanVersions versions;

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
        assertThat(schedule.getDueDate().toInstant().atZone(zone.id()).toLocalDate())
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
        PlanRefresh published = query.find(refresh.getId());
        assertThat(published.getSchedulePublishedAt()).isNotNull();
        assertThat(published.getStatus()).isEqualTo(RefreshStatus.COLLECTING_OPINIONS);
        mvc.perform(get("/public/refresh/" + refresh.getId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("atklātā sanāksme Valsts kancelejā")));

        // before co-creation opens: 409; while it is open, anyone may send an opinion
        opinion(refresh, Map.of("measureCode", "3.2", "text", "Par agru.")).andExpect(status().isConflict());
        clock.moveTo(zone.startOf(published.getCoCreationStart()).plusSeconds(3600));
        long first = id(opinion(refresh, Map.of("measureCode", "3.2", "author", "Biedrība Pārmaiņas",
                "email", "valde@example.org", "text", "Iekļaujiet jauniešu padomes katrā ministrijā."))
                .andExpect(status().isCreated()));
        long second = id(opinion(refresh, Map.of("proposalTitle", "Atvērto datu portāla pilnveide",
                "text", "Papildiniet 5. apņemšanos ar atvērto datu kvalitātes mērķi.")).andExpect(status().isCreated()));
        mvc.perform(post("/api/refreshes/" + refresh.getId() + "/opinions/registered").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"MEETING\",\"measureCode\":\"6.3\",\"text\":\"Pašvaldībām vajag vairāk atbalsta.\"}")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isCreated());
        assertThat(query.opinions(refresh.getId())).hasSize(3);

        // co-creation ends: each opinion needs its reasoned response before the task completes
        clock.moveTo(zone.startOf(published.getCoCreationEnd().plusDays(1)));
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
        long third = query.opinions(refresh.getId()).get(2).getId();
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
        fireTimer(instance, PlanRefreshProcess.TIMER_DEADLINE_NEAR);
        // "by 28 June" in Latvian: the date in the dative after "līdz"
        assertThat(mails(refresh)).filteredOn(m -> m.getSubject().contains("Tuvojas OGP termiņš")).singleElement()
                .satisfies(m -> assertThat(m.getBodyText())
                        .contains("jānosūta OGP līdz " + start.getYear() + ". gada 28. jūnijam.")
                        .contains("Vēl atvērts: Iesniegt atjaunoto plānu OGP / Submit the refreshed plan to OGP")
                        .doesNotContain("jūnijs"));
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_SUBMIT), Map.of());
        assertThat(instance).isEnded().hasPassed(PlanRefreshProcess.END_SUBMITTED);
        PlanRefresh done = query.find(refresh.getId());
        assertThat(done.getStatus()).isEqualTo(RefreshStatus.SUBMITTED);
        assertThat(done.getSubmittedBy()).isEqualTo("coordinator");
        assertThat(done.getSubmittedAt()).isNotNull();
        assertThat(done.getDocumentLv()).contains("Atvērto datu kvalitātes uzlabošana");
    }

    @Test
    void theOgpDeadlineIsTheFirst28JuneAfterCoCreationEnds() {
        assertThat(PlanRefresh.defaultOgpDeadline(LocalDate.of(2027, 5, 31))).isEqualTo(LocalDate.of(2027, 6, 28));
        assertThat(PlanRefresh.defaultOgpDeadline(LocalDate.of(2027, 6, 28))).isEqualTo(LocalDate.of(2028, 6, 28));
        // a refresh whose co-creation ends in December goes to next year's 28 June
        assertThat(PlanRefresh.defaultOgpDeadline(LocalDate.of(2026, 12, 20))).isEqualTo(LocalDate.of(2027, 6, 28));
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
        clock.moveTo(zone.startOf(refresh.getCoCreationEnd().plusDays(1)));
        runJob(instance);
        LocalDate ogp = refresh.getOgpDeadline();
        Task respond = task(refresh, PlanRefreshProcess.TASK_RESPOND);
        assertThat(respond.getDueDate()).isEqualTo(cycleSchedule.at(calendar.onOrBefore(ogp.minusDays(21))));
        complete("coordinator", respond, Map.of());
        Task update = task(refresh, PlanRefreshProcess.TASK_UPDATE);
        assertThat(update.getDueDate()).isEqualTo(cycleSchedule.at(calendar.onOrBefore(ogp.minusDays(10))));

        // the OGP deadline nears with update-plan still open: the reminder names it
        fireTimer(instance, PlanRefreshProcess.TIMER_DEADLINE_NEAR);
        assertThat(mails(refresh)).filteredOn(m -> m.getSubject().contains("Tuvojas OGP termiņš")).singleElement()
                .satisfies(m -> assertThat(m.getBodyText()).contains("Vēl atvērts: Atjaunot plānu / Update the plan"));
        complete("coordinator", update, Map.of());
        runJob(instance);
        // then whichever is open: the submission, on each reminder date and on the deadline itself
        fireTimer(instance, PlanRefreshProcess.TIMER_NEXT_DEADLINE_NOTICE);
        fireTimer(instance, PlanRefreshProcess.TIMER_NEXT_DEADLINE_NOTICE);
        fireTimer(instance, PlanRefreshProcess.TIMER_NEXT_DEADLINE_NOTICE);
        assertThat(mails(refresh)).filteredOn(m -> m.getSubject().contains("Tuvojas OGP termiņš")).hasSize(3)
                .filteredOn(m -> m.getBodyText().contains("Vēl atvērts: Iesniegt atjaunoto plānu OGP / Submit the refreshed plan to OGP")).hasSize(2);
        assertThat(mails(refresh)).extracting(MailMessage::getSubject)
                .anyMatch(s -> s.contains("OGP termiņš atjaunotajam plānam ir klāt"));
        // the notices are over; the submission is still awaited
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TASK_SUBMIT);
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_SUBMIT), Map.of());
        assertThat(instance).isEnded();
    }

    // --- starting and the opinion intake -----------------------------------------------------------

    @Test
    void refreshStartIsCheckedAndExplained() throws Exception {
        LocalDate today = zone.today();
        startRequest(today.plusDays(10), today.plusDays(20), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coCreationStart"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("14")));
        startRequest(today.plusDays(30), today.plusDays(20), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coCreationEnd"));
        startRequest(today.plusDays(30), today.plusDays(40), today.plusDays(35).toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ogpDeadline"));
        mvc.perform(post("/api/refreshes").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(httpBasic("vk", "vk")))
                .andExpect(status().isForbidden());
    }

    @Test
    void badOpinionsAreRefusedWithAClearErrorAndNothingIsStored() throws Exception {
        LocalDate start = spring(3);
        PlanRefresh refresh = start(start, start.plusDays(40), null);
        complete("coordinator", task(refresh, PlanRefreshProcess.TASK_SCHEDULE), Map.of("schedule", "Grafiks."));
        runJob(instance(refresh));
        clock.moveTo(zone.startOf(refresh.getCoCreationStart()).plusSeconds(60));

        opinion(refresh, Map.of("measureCode", "3.2", "text", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        opinion(refresh, Map.of("measureCode", "3.2", "text", "x".repeat(5001))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("5,000")));
        opinion(refresh, Map.of("measureCode", "3.2", "text", "Labs <script>alert(1)</script>"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("HTML")));
        opinion(refresh, Map.of("measureCode", "3.2", "text", "Labs priekšlikums.", "website", "http://spam.example"))
                .andExpect(status().isBadRequest());
        opinion(refresh, Map.of("measureCode", "9.9", "text", "Nav tāda pasākuma.")).andExpect(status().isBadRequest());
        opinion(refresh, Map.of("text", "Bez temata.")).andExpect(status().isBadRequest());
        opinion(refresh, Map.of("measureCode", "3.2", "text", "Labs.", "email", "nav-epasts")).andExpect(status().isBadRequest());
        assertThat(query.opinions(refresh.getId())).isEmpty();

        // the public page's form, with its CSRF token, and the thanks
        mvc.perform(post("/public/refresh/" + refresh.getId() + "/opinions")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("measureCode", "4.3").param("text", "Dialogi arī reģionos."))
                .andExpect(status().is3xxRedirection());
        assertThat(query.opinions(refresh.getId())).hasSize(1);
        assertThat(query.opinions(refresh.getId()).get(0).getChannel()).isEqualTo(Opinion.Channel.WEB);
    }

    @Test
    void oneAddressCannotFloodTheIntake() throws Exception {
        LocalDate start = spring(4);
        PlanRefresh refresh = start(start, start.plusDays(40), null);
        String address = "192.0.2." + ADDRESS.incrementAndGet();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 1001; i++) {
            int code = mvc.perform(post("/api/refreshes/" + refresh.getId() + "/opinions")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"measureCode\":\"3.2\",\"text\":\"x\"}")
                    .with(request -> {
                        request.setRemoteAddr(address);
                        return request;
                    })).andReturn().getResponse().getStatus();
            if (code == 429) {
                refused++;
            } else {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(1000);
        assertThat(refused).isEqualTo(1);
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A co-creation start in the spring after the test clock's year, a different week for each test. */
    @Test
    void shouldStartARefreshFromTasklistsStartFormWithTheApisChecks() throws Exception {
        // Tasklist offers coordinators the two processes started by hand, never a single report
        List<String> startable = ProcessTestSupport.as(identityService, "coordinator", () -> engine
                .getRepositoryService().createProcessDefinitionQuery().startableInTasklist()
                .startablePermissionCheck().latestVersion().list().stream()
                .map(org.camunda.bpm.engine.repository.ProcessDefinition::getKey).sorted().toList());
        assertThat(startable).containsExactly(PlanRefreshProcess.KEY, "reporting-cycle");

        LocalDate start = spring(3);
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PlanRefreshProcess.KEY).latestVersion().singleResult().getId();
        int before = query.list().size();
        // too close to co-creation: refused with the API's message, nothing recorded, no process
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "coordinator", () -> engine.getFormService()
                .submitStartForm(definition, Map.of("coCreationStart", zone.today().plusDays(3).toString(),
                        "coCreationEnd", zone.today().plusDays(20).toString()))))
                .hasMessageContaining("invalid refresh");
        assertThat(query.list()).hasSize(before);

        ProcessInstance started = ProcessTestSupport.as(identityService, "coordinator", () -> engine.getFormService()
                .submitStartForm(definition, Map.of("coCreationStart", start.toString(),
                        "coCreationEnd", start.plusDays(14).toString())));
        PlanRefresh refresh = query.find(PlanRefreshProcess.refreshIdOf(started.getBusinessKey()));
        assertThat(refresh.getProcessInstanceId()).isEqualTo(started.getId());
        assertThat(refresh.getCoCreationStart()).isEqualTo(start);
        assertThat(refresh.getOgpDeadline()).isEqualTo(LocalDate.of(start.getYear(), 6, 28));
        assertThat(started).isWaitingAt(PlanRefreshProcess.TASK_SCHEDULE);
        // the form's fields are not kept in the process: it finds the refresh it recorded by its key
        assertThat(runtimeService.getVariables(started.getId())).isEmpty();
    }

    @Test
    void shouldWorkOnItsOwnRefreshWhateverRefreshIdATaskIsCompletedWith() throws Exception {
        LocalDate start = spring(5);
        PlanRefresh mine = start(start, start.plusDays(14), null);
        PlanRefresh other = start(start.plusWeeks(1), start.plusWeeks(1).plusDays(14), null);

        // the process finds its refresh by its business key; a refreshId sent with the task is not read
        complete("coordinator", task(mine, PlanRefreshProcess.TASK_SCHEDULE), Map.of("schedule", "Mans grafiks.",
                PlanRefreshProcess.VAR_REFRESH_ID, other.getId()));
        ProcessInstance instance = instance(mine);
        assertThat(instance).isWaitingAt(PlanRefreshProcess.ACTIVITY_PUBLISH_SCHEDULE);
        runJob(instance);

        assertThat(query.find(mine.getId()).getScheduleText()).isEqualTo("Mans grafiks.");
        assertThat(query.find(mine.getId()).getSchedulePublishedAt()).isNotNull();
        assertThat(query.find(other.getId()).getScheduleText()).isNull();
        assertThat(query.find(other.getId()).getSchedulePublishedAt()).isNull();
        assertThat(instance).isWaitingAt(PlanRefreshProcess.TIMER_CO_CREATION_ENDED);
        Job coCreationEnded = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(PlanRefreshProcess.TIMER_CO_CREATION_ENDED).singleResult();
        assertThat(coCreationEnded.getDuedate().toInstant())
                .isEqualTo(zone.startOf(mine.getCoCreationEnd().plusDays(1)));
    }

    @Test
    void eachTaskShowsItsOwnRefreshInItsFormsLinks() throws Exception {
        LocalDate start = spring(6);
        PlanRefresh mine = start(start, start.plusDays(14), null);
        Task task = task(mine, PlanRefreshProcess.TASK_SCHEDULE);

        assertThat(taskService.getVariablesLocal(task.getId()))
                .containsEntry(PlanRefreshProcess.VAR_REFRESH_ID, mine.getId());
        assertThat(runtimeService.getVariables(task.getProcessInstanceId()))
                .doesNotContainKey(PlanRefreshProcess.VAR_REFRESH_ID);
    }

    private LocalDate spring(int week) {
        return LocalDate.of(zone.today().getYear() + 1, 3, 2).plusWeeks(week);
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
        return query.find(id);
    }

    private ResultActions opinion(PlanRefresh refresh, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/refreshes/" + refresh.getId() + "/opinions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).header("Accept-Language", "en")
                .with(request -> {
                    request.setRemoteAddr("198.51.100." + ADDRESS.incrementAndGet() % 250);
                    return request;
                }));
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
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PlanRefreshProcess.KEY)
                .processInstanceBusinessKey(PlanRefreshProcess.businessKey(refresh.getId())).singleResult();
    }

    private Task task(PlanRefresh refresh, String key) {
        return taskService.createTaskQuery().processDefinitionKey(PlanRefreshProcess.KEY)
                .processInstanceBusinessKey(PlanRefreshProcess.businessKey(refresh.getId())).taskDefinitionKey(key)
                .singleResult();
    }

    private void complete(String user, Task task, Map<String, Object> variables) throws Exception {
        ProcessTestSupport.as(identityService, user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
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
