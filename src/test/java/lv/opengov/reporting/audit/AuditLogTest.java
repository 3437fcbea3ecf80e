package lv.opengov.reporting.audit;

import lv.opengov.reporting.audit.internal.AuditEntryRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.calendar.CalendarDayKind;
import lv.opengov.reporting.calendar.CalendarService;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.cycle.ReportingCycleProcess;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ProcessTestSupport;
import lv.opengov.reporting.support.ReportingTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** What the audit log records, in which transaction, and that the cycle's steps leave their entries. */
@ReportingTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    CycleQuery cycles;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    CalendarService calendarService;

    @Autowired
    LatvianCalendar calendar;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditEntryRepository entries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Test
    void shouldRecordEveryStepOfACycleWithWhoTookIt() throws Exception {
        // 3.1 and 1.3: the published cycle shares its database with the public pages' tests, which
        // count on 1.1 never having been published
        ReportingCycle cycle = fixture.openCycle("Auditācija");
        LocalDate extended = calendar.onOrAfter(schedule.today().plusDays(25));
        mvc.perform(post("/api/cycles/" + cycle.getId() + "/extend").with(httpBasic("coordinator", "coordinator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissionDeadline\": \"" + extended + "\", \"measureCode\": \"3.1\"}"))
                .andExpect(status().isOk());
        fixture.submit(cycle, "3.1", "vk", CycleFixture.report("LIMITED", "Pirmā versija."));
        fixture.review(cycle, "3.1", Map.of("decision", "RETURN", "reviewComment", "Papildiniet skaitļus."));
        fixture.submit(cycle, "3.1", "vk", CycleFixture.report("SUBSTANTIAL", "Otrā versija."));
        fixture.review(cycle, "3.1", Map.of("decision", "ACCEPT"));
        fixture.submit(cycle, "1.3", "vas", CycleFixture.report("COMPLETE", "Pabeigts."));
        fixture.review(cycle, "1.3", Map.of("decision", "ACCEPT"));

        mvc.perform(post("/api/cycles/" + cycle.getId() + "/close").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk());
        fixture.runDueJobs(cycle);
        fixture.endReports(cycle);
        Task approval = tasks.createTaskQuery().processInstanceId(cycle.getProcessInstanceId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_APPROVE).singleResult();
        ProcessTestSupport.completeAs(identity, tasks, "coordinator", approval.getId(), Map.of());
        fixture.runDueJobs(cycle);
        assertThat(cycles.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.PUBLISHED);

        assertThat(entriesOf(cycle))
                .extracting(AuditEntry::getAction, AuditEntry::getActor, AuditEntry::getMeasureCode,
                        AuditEntry::getInstitutionCode)
                .containsExactly(
                        tuple(AuditAction.CYCLE_STARTED, "coordinator", null, null),
                        tuple(AuditAction.DEADLINE_EXTENDED, "coordinator", "3.1", "VK"),
                        tuple(AuditAction.REPORT_SUBMITTED, "vk", "3.1", "VK"),
                        tuple(AuditAction.REPORT_RETURNED, "reviewer", "3.1", "VK"),
                        tuple(AuditAction.REPORT_SUBMITTED, "vk", "3.1", "VK"),
                        tuple(AuditAction.REPORT_ACCEPTED, "reviewer", "3.1", "VK"),
                        tuple(AuditAction.REPORT_SUBMITTED, "vas", "1.3", "VAS"),
                        tuple(AuditAction.REPORT_ACCEPTED, "reviewer", "1.3", "VAS"),
                        tuple(AuditAction.CYCLE_CLOSED, "coordinator", null, null),
                        tuple(AuditAction.CYCLE_APPROVED, "coordinator", null, null),
                        tuple(AuditAction.CYCLE_PUBLISHED, "coordinator", null, null));
        AuditEntry returned = entriesOf(cycle).get(3);
        assertThat(returned.getDetails()).isEqualTo("Papildiniet skaitļus.");
        assertThat(returned.getSubject()).startsWith("report ");
        assertThat(entriesOf(cycle).get(1).getDetails()).contains(extended.toString());
        assertThat(entriesOf(cycle)).allSatisfy(e -> assertThat(e.getOccurredAt()).isNotNull());
    }

    @Test
    void shouldRecordCalendarChangesByTheCurrentUser() throws Exception {
        LocalDate day = nextWeekday(LocalDate.of(2091, 3, 1));
        mvc.perform(post("/api/calendar/days").with(httpBasic("coordinator", "coordinator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"" + day + "\", \"kind\": \"AD_HOC_HOLIDAY\", \"reasonLv\": \"Svētki\","
                                + " \"reasonEn\": \"Holiday\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/calendar/days/" + day).with(httpBasic("admin", "admin")))
                .andExpect(status().is2xxSuccessful());

        assertThat(entries.findAll().stream().filter(e -> day.toString().equals(e.getSubject()))
                .sorted(Comparator.comparing(AuditEntry::getId)))
                .extracting(AuditEntry::getAction, AuditEntry::getActor)
                .containsExactly(tuple(AuditAction.CALENDAR_DAY_ADDED, "coordinator"),
                        tuple(AuditAction.CALENDAR_DAY_REMOVED, "admin"));
    }

    @Test
    void shouldLeaveNoEntryWhenTheChangeRollsBack() {
        LocalDate day = nextWeekday(LocalDate.of(2093, 3, 1));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            calendarService.add(new CalendarService.NewDay(day.toString(), CalendarDayKind.AD_HOC_HOLIDAY.name(),
                    "Atcelts", "Cancelled"), "coordinator");
            // written, inside the transaction of the change ...
            assertThat(entriesAbout(day)).hasSize(1);
            throw new IllegalStateException("a later step of the same change fails");
        })).isInstanceOf(IllegalStateException.class);
        // ... and gone with it
        assertThat(entriesAbout(day)).isEmpty();
        assertThat(calendarService.list()).noneMatch(d -> d.getDay().equals(day));
    }

    @Test
    void shouldRefuseToRecordOutsideATransaction() {
        assertThatThrownBy(() -> audit.record(AuditAction.PLAN_IMPORTED, "coordinator", null, null, null,
                "measures", null)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void shouldCutLongTextsToTheirColumns() {
        String subject = "s".repeat(500);
        transactions.executeWithoutResult(status -> audit.record(AuditAction.PLAN_IMPORTED, "cutter", null, null,
                null, subject, "d".repeat(5000)));
        AuditEntry entry = entries.findAll().stream().filter(e -> "cutter".equals(e.getActor())).findFirst()
                .orElseThrow();
        assertThat(entry.getSubject()).hasSize(AuditEntry.SUBJECT_LENGTH).endsWith("…");
        assertThat(entry.getDetails()).hasSize(AuditEntry.DETAILS_LENGTH);
    }

    private List<AuditEntry> entriesOf(ReportingCycle cycle) {
        return entries.findAll().stream().filter(e -> cycle.getId().equals(e.getCycleId()))
                .sorted(Comparator.comparing(AuditEntry::getId)).toList();
    }

    private List<AuditEntry> entriesAbout(LocalDate day) {
        return transactions.execute(status -> entries.findAll().stream()
                .filter(e -> e.getAction() == AuditAction.CALENDAR_DAY_ADDED && day.toString().equals(e.getSubject()))
                .toList());
    }

    private static LocalDate nextWeekday(LocalDate date) {
        while (date.getDayOfWeek().getValue() > 5) {
            date = date.plusDays(1);
        }
        return date;
    }
}
