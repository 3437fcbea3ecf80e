package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.common.MovableClock;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.MailStatus;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.support.TestClock;
import lv.opengov.reporting.support.TestClockConfig;
import lv.opengov.reporting.support.TestSmtp;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A rehearsal in the demo profile, with the job executor and the mail dispatcher running and GreenMail
 * as the SMTP server: a coordinator starts a cycle, moves the clock to each of its next events with the
 * API and sees the weeks of the cycle happen in order (the invitations, the reminder digests, the
 * overdue notices, the legal-deadline follow-up), each mail dated the day it belongs to. The job
 * executor keeps its usual waits, so that what fires promptly fires because the move woke it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "reporting.mail.dispatch-interval=PT0.3S",
        "reporting.mail.dispatch-initial-delay=PT0.3S"})
@ActiveProfiles({"demo", "test"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RehearsalTest {

    private static final GreenMail SMTP = TestSmtp.started();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, SMTP);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ServiceZone zone;

    @Autowired
    LatvianCalendar calendar;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    Outbox outbox;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    TestClock clock;

    @AfterAll
    void giveTheEngineItsClockBack() {
        ClockUtil.reset();
        SMTP.stop();
    }

    @Test
    void aWholeCycleHappensAsTheCoordinatorMovesTheClockToEachNextEvent() throws Exception {
        LocalDate invitation = calendar.plusWorkingDays(schedule.today(), 1);
        LocalDate asked = calendar.plusWorkingDays(invitation, 8);
        JsonNode started = send("/api/cycles", Map.of("name", "Mēģinājuma cikls", "periodFrom", "2022-01-01",
                "periodTo", "2023-12-31", "invitationDate", invitation.toString(), "submissionDeadline",
                asked.toString(), "legalDeadline", calendar.plusWorkingDays(asked, 5).toString()), 201);
        long cycleId = started.get("id").asLong();
        String instanceId = started.get("processInstanceId").asText();
        LocalDate deadline = LocalDate.parse(started.get("submissionDeadline").asText());
        LocalDate legalDeadline = LocalDate.parse(started.get("legalDeadline").asText());
        List<LocalDate> reminderDates = new ArrayList<>();
        started.get("reminderDates").forEach(d -> reminderDates.add(LocalDate.parse(d.asText())));
        assertThat(reminderDates).hasSize(2);

        // nothing happens before the invitation date
        assertThat(outbox.listForCycle(cycleId)).isEmpty();

        List<LocalDateTime> moves = new ArrayList<>();
        while (followUps(instanceId).isEmpty()) {
            assertThat(moves).as("moves before the follow-up").hasSizeLessThan(12);
            await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery()
                    .rootProcessInstanceId(instanceId).executable().count() == 0);
            JsonNode moved = send("/api/demo/clock", Map.of("next", true, "cycleId", cycleId), 200);
            LocalDateTime to = LocalDateTime.parse(moved.get("localTime").asText());
            assertThat(to).as("each move goes forward").isAfter(moves.isEmpty() ? LocalDateTime.MIN : moves.get(
                    moves.size() - 1));
            moves.add(to);
            // what fell due fires at once, not after the job executor's next idle wait
            await().atMost(Duration.ofSeconds(20)).until(() -> managementService.createJobQuery()
                    .rootProcessInstanceId(instanceId).executable().count() == 0);
        }

        // each move landed on an event of the cycle: 09:00 of its day
        LocalTime noticeTime = LocalTime.of(9, 0);
        assertThat(moves).allMatch(m -> m.toLocalTime().withSecond(0).withNano(0).equals(noticeTime));
        Set<LocalDate> days = moves.stream().map(LocalDateTime::toLocalDate).collect(Collectors.toSet());
        assertThat(days).contains(invitation, reminderDates.get(0), reminderDates.get(1),
                schedule.overdueNoticeDate(deadline), legalDeadline);
        assertThat(moves.get(0).toLocalDate()).isEqualTo(invitation);
        assertThat(moves.get(moves.size() - 1).toLocalDate()).isEqualTo(legalDeadline);

        // the mails, each dated the day it belongs to
        List<MailMessage> mails = outbox.listForCycle(cycleId);
        assertThat(datesOf(mails, "invitation")).hasSize(3).containsOnly(invitation);
        assertThat(datesOf(mails, "reminder")).contains(reminderDates.get(0), reminderDates.get(1))
                .allMatch(days::contains);
        assertThat(datesOf(mails, "overdue")).contains(schedule.overdueNoticeDate(deadline)).allMatch(days::contains);
        // the follow-up for coordinators, opened at the legal deadline
        Task followUp = followUps(instanceId).get(0);
        assertThat(zone.local(followUp.getCreateTime().toInstant()).toLocalDate()).isEqualTo(legalDeadline);

        // and all of it delivered, each message once
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.listForCycle(cycleId).stream()
                .allMatch(m -> m.getStatus() == MailStatus.SENT));
        Set<String> delivered = new HashSet<>();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            delivered.add(message.getMessageID());
            subjects.add(message.getSubject());
        }
        assertThat(delivered).containsAll(mails.stream().map(MailMessage::getMessageId).toList());
        assertThat(subjects).anyMatch(s -> s.startsWith("Aicinājums sniegt informāciju"))
                .anyMatch(s -> s.startsWith("Atgādinājums:")).anyMatch(s -> s.startsWith("Nokavēts:"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"to\":\"2020-01-01\"}|to",
            "{\"to\":\"next tuesday\"}|to",
            "{\"by\":\"-P1D\"}|by",
            "{\"by\":\"soon\"}|by",
            "{\"by\":\"P400D\"}|by",
            "{\"workingDays\":0}|workingDays",
            "{\"next\":true}|cycleId",
            "{}|move",
            "{\"to\":\"2099-01-01\",\"by\":\"P1D\"}|move"})
    void aMoveThatCannotBeMadeIsRefusedAndMovesNothing(String body, String field) throws Exception {
        String before = clock().get("ahead").asText();
        mvc.perform(post("/api/demo/clock").with(httpBasic("coordinator", "coordinator"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(clock().get("ahead").asText()).isEqualTo(before);
    }

    @Test
    void theNextEventOfAnUnknownCycleIsNotFound() throws Exception {
        mvc.perform(post("/api/demo/clock").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"next\":true,\"cycleId\":999999}")).andExpect(status().isNotFound());
    }

    @Test
    void onlyCoordinatorsMoveTheClock() throws Exception {
        for (String user : List.of("vk", "reviewer", "board")) {
            mvc.perform(post("/api/demo/clock").with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"by\":\"P1D\"}")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/demo/clock").contentType(MediaType.APPLICATION_JSON).content("{\"by\":\"P1D\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theCyclePageShowsCoordinatorsTheControlAndRefusesADayPast() throws Exception {
        LocalDate today = schedule.today();
        JsonNode cycle = send("/api/cycles", Map.of("name", "Mēģinājuma lapa", "periodFrom", "2024-01-01",
                "periodTo", "2024-12-31", "invitationDate", today.plusDays(7).toString(), "submissionDeadline",
                today.plusDays(30).toString(), "legalDeadline", today.plusDays(60).toString()), 201);
        String page = "/cycles/" + cycle.get("id").asLong();
        mvc.perform(get(page).with(httpBasic("coordinator", "coordinator")))
                .andExpect(content().string(containsString("Mēģinājums: pārcelt pulksteni uz priekšu")))
                .andExpect(content().string(containsString("Lietotnes laiks: ")));
        mvc.perform(get(page + "?lang=en").with(httpBasic("admin", "admin")))
                .andExpect(content().string(containsString("Rehearsal: move the clock forward")));
        mvc.perform(get(page).with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Mēģinājums"))));

        String before = clock().get("ahead").asText();
        mvc.perform(post(page + "/rehearsal").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .param("to", schedule.today().minusDays(3).toString()))
                .andExpect(redirectedUrl(page + "#rehearsal"))
                .andExpect(flash().attribute("rehearsalProblems", List.of(
                        "Pulkstenis iet tikai uz priekšu: izvēlieties dienu pēc " + schedule.today() + ".")));
        mvc.perform(post(page + "/rehearsal").with(httpBasic("coordinator", "coordinator")).with(csrf())
                .param("to", "rīt")).andExpect(flash().attributeExists("rehearsalProblems"));
        assertThat(clock().get("ahead").asText()).isEqualTo(before);
        // without the form's token nothing moves either
        mvc.perform(post(page + "/rehearsal").with(httpBasic("coordinator", "coordinator")).param("workingDays", "1"))
                .andExpect(status().isForbidden());
        assertThat(clock().get("ahead").asText()).isEqualTo(before);

        LocalDate nextWorkingDay = calendar.plusWorkingDays(schedule.today(), 1);
        mvc.perform(post(page + "/rehearsal").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .param("workingDays", "1"))
                .andExpect(redirectedUrl(page + "#rehearsal"))
                .andExpect(flash().attributeExists("rehearsalMoved"));
        assertThat(schedule.today()).isEqualTo(nextWorkingDay);
        assertThat(ClockUtil.getCurrentTime().toInstant()).isCloseTo(clock.instant(),
                org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));
    }

    @Test
    void aRestartResumesTheRehearsalWhereItWas(@Autowired CycleQuery cycles,
            @Autowired ProcessEngineConfigurationImpl engineConfiguration, @Autowired MessageSource messages)
            throws Exception {
        send("/api/demo/clock", Map.of("by", "PT2H"), 200);
        Duration ahead = Duration.parse(managementService.getProperties().get(Rehearsal.AHEAD_PROPERTY));
        assertThat(ahead).isEqualTo(clock.ahead()).isGreaterThanOrEqualTo(Duration.ofHours(2));

        // the rehearsal of an application started again on the same database
        MovableClock restarted = new MovableClock();
        new Rehearsal(restarted, zone, calendar, cycles, managementService, engineConfiguration, messages).resume();
        assertThat(restarted.ahead()).isCloseTo(ahead, Duration.ofSeconds(1));
    }

    private List<Task> followUps(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("follow-up-overdue")
                .list();
    }

    private List<LocalDate> datesOf(List<MailMessage> mails, String template) {
        return mails.stream().filter(m -> m.getTemplate().equals(template))
                .map(m -> zone.local(m.getCreatedAt()).toLocalDate()).toList();
    }

    private JsonNode clock() throws Exception {
        MvcResult result = mvc.perform(get("/api/demo/clock").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode send(String path, Map<String, Object> body, int expected) throws Exception {
        MvcResult result = mvc.perform(post(path).with(httpBasic("coordinator", "coordinator"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().is(expected)).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }
}
