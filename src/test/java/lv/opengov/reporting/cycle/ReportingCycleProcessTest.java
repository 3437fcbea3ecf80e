package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.report.InvalidReportException;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRevision;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.ProcessTestSupport;
import lv.opengov.reporting.common.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of the reporting-cycle and measure-report processes, on the real engine with the job
 * executor off: timers and asynchronous steps are executed by the test, one at a time.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, ReportingCycleProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ReportingCycleProcessTest {

    /** Both models together must be covered to at least 90% of their flow nodes by this class. */
    @TestConfiguration
    static class Coverage {
        /** Time moves forward to each timer's moment before it fires. */
        @Bean
        @org.springframework.context.annotation.Primary
        lv.opengov.reporting.support.TestClock testClock() {
            return new lv.opengov.reporting.support.TestClock();
        }

        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.Companion.builder()
                    .assertClassCoverageAtLeast(0.9)
                    .excludeProcessDefinitionKeys("plan-refresh")
                    .build();
        }
    }

    private static final AtomicInteger PERIOD = new AtomicInteger(1990);

    @Autowired
    ProcessEngine engine;

    @Autowired
    CycleService cycles;

    @Autowired
    CycleQuery cycleQuery;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    ReportService reports;

    @Autowired
    lv.opengov.reporting.calendar.LatvianCalendar calendar;

    @Autowired
    Outbox outbox;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    lv.opengov.reporting.support.TestClock clock;

    private LocalDate today;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        today = schedule.today();
    }

    // --- the paths --------------------------------------------------------------------------------

    @Test
    void shouldInviteInstitutionsCollectAcceptedReportsAndPublishTheOverview() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        ProcessInstance instance = instanceOf(cycle);
        LocalDate deadline = cycle.getSubmissionDeadline();

        List<MailMessage> mails = mailsOf(cycle);
        assertThat(mails).filteredOn(m -> m.getTemplate().equals("invitation"))
                .extracting(m -> m.recipientList().get(0))
                .containsExactlyInAnyOrder("vk.reports@example.org", "vas.reports@example.org",
                        "varam.reports@example.org");
        assertThat(mails).filteredOn(m -> m.getTemplate().equals("invitation-copy"))
                .extracting(m -> m.recipientList().get(0))
                .containsExactlyInAnyOrder("vk.reports@example.org", "vas.reports@example.org",
                        "tm.reports@example.org", "fm.reports@example.org", "vid.reports@example.org");
        MailMessage toVk = mails.stream().filter(m -> m.getIdempotencyKey().equals("invitation:" + cycle.getId() + ":VK"))
                .findFirst().orElseThrow();
        assertThat(toVk.getBodyText()).contains("3.1 Nozaru sadarbības partneru pārstāvniecības stiprināšana")
                .contains("/camunda/app/tasklist/")
                .doesNotContain("5.1 ");

        Task task = submitTask(cycle, "3.1");
        assertThat(task.getDueDate()).isEqualTo(schedule.at(deadline));
        assertThat(task.getFollowUpDate()).isEqualTo(schedule.at(reminders(cycle).get(0)));
        assertThat(task.getName()).startsWith("Atskaite / Report: 3.1");
        // the report points at the plan version it is written against: the plan as approved
        assertThat(reports.forProcessInstance(task.getProcessInstanceId()).getPlanVersion()).isEqualTo(1);

        for (ReportRow row : cycleQuery.rows(cycle.getId(), null)) {
            submitAndAccept(cycle, row);
        }
        assertThat(cycleQuery.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.CONSOLIDATING);
        assertThat(instance).hasPassed(ReportingCycleProcess.BOUNDARY_REPORTS_COMPLETE)
                .isWaitingAt(ReportingCycleProcess.ACTIVITY_WITHDRAW_OPEN_REPORTS);
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_APPROVE);
        assertThat(cycleQuery.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.AWAITING_APPROVAL);

        Task approval = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_APPROVE).singleResult();
        assertThat(approval).isNotNull();
        ProcessTestSupport.as(identityService, "coordinator", () -> {
            taskService.complete(approval.getId());
            return null;
        });
        execute(job());
        assertThat(instance).isEnded().hasPassed(ReportingCycleProcess.END_PUBLISHED);
        ReportingCycle published = cycleQuery.find(cycle.getId());
        assertThat(published.getStatus()).isEqualTo(CycleStatus.PUBLISHED);
        assertThat(published.getApprovedBy()).isEqualTo("coordinator");
        assertThat(published.isClosedEarly()).isFalse();
        MailMessage board = mailsOf(cycle).stream().filter(m -> m.getTemplate().equals("published")).findFirst()
                .orElseThrow();
        assertThat(board.recipientList()).containsExactly("board@example.org");
        assertThat(board.getBodyText()).contains("12 no 12");
    }

    @Test
    void shouldRemindAndEscalateTheApprovalAndSendReportsBackFromItUntilTheyAreCorrected() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        ProcessInstance instance = instanceOf(cycle);
        for (ReportRow row : cycleQuery.rows(cycle.getId(), null)) {
            submitAndAccept(cycle, row);
        }
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_APPROVE);
        Task approval = approvalTask(instance);
        LocalDate approvalDue = calendar.plusWorkingDays(today, 5);
        assertThat(approval.getDueDate()).isEqualTo(schedule.at(approvalDue));
        assertThat(cycleQuery.find(cycle.getId()).getApprovalDueDate()).isEqualTo(approvalDue);
        assertThat(taskService.getVariableLocal(approval.getId(), ReportingCycleProcess.VAR_CYCLE_ID)).isEqualTo(cycle.getId());
        assertThat((String) taskService.getVariableLocal(approval.getId(), ReportingCycleProcess.VAR_ACCEPTED_MEASURES))
                .startsWith("1.1 (VK), 1.2 (VK), 1.3 (VAS)");

        // on its due day every coordinator is reminded; the working day after, told it is overdue
        clock.moveTo(schedule.at(approvalDue).toInstant());
        fireTimer(instance, ReportingCycleProcess.TIMER_APPROVAL_REMINDER);
        clock.moveTo(schedule.at(calendar.plusWorkingDays(approvalDue, 1)).toInstant());
        fireTimer(instance, ReportingCycleProcess.TIMER_APPROVAL_OVERDUE);
        List<MailMessage> approvalMails = mailsOf(cycle).stream().filter(m -> m.getTemplate().equals("approval")).toList();
        assertThat(approvalMails).hasSize(2).allSatisfy(m -> assertThat(m.recipientList()).containsExactly("coordinator@example.org"));
        MailMessage due = approvalMails.stream()
                .filter(m -> m.getIdempotencyKey().equals("approval-due:" + cycle.getId() + ":" + approvalDue)).findFirst().orElseThrow();
        assertThat(due.getSubject()).isEqualTo("Apstipriniet pārskatu: " + cycle.getName());
        assertThat(due.getBodyText()).contains("termiņš ir šodien").contains("/cycles/" + cycle.getId() + "/report");
        MailMessage overdue = approvalMails.stream()
                .filter(m -> m.getIdempotencyKey().equals("approval-overdue:" + cycle.getId() + ":" + approvalDue)).findFirst().orElseThrow();
        assertThat(overdue.getSubject()).isEqualTo("Nokavēta pārskata apstiprināšana: " + cycle.getName());
        assertThat(overdue.getBodyText()).contains("joprojām nav apstiprināts");
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_APPROVE);

        // what breaks the form's rules is refused, and nothing changes
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("approvalDecision", "SEND_BACK", "sendBack", "1.2", "sendBackComment", " "),
                "sendBackComment: Write what is to be corrected",
                Map.of("approvalDecision", "SEND_BACK", "sendBack", "9.9", "sendBackComment", "Labojiet."),
                "sendBack: This cycle has no report on measure 9.9.",
                Map.of("approvalDecision", "SEND_BACK", "sendBack", "1.2", "sendBackComment", "<b>Labojiet</b>"),
                "sendBackComment: The comment cannot contain HTML",
                Map.of("approvalDecision", "PUBLISH_NOW"), "approvalDecision: Choose");
        refused.forEach((bad, message) -> assertThatThrownBy(() -> submitForm("coordinator", approval, bad))
                .hasRootCauseInstanceOf(lv.opengov.reporting.common.TaskInputRefusedException.class)
                .rootCause().hasMessageContaining(message));
        assertThat(reports.rowForBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "1.2")).state())
                .isEqualTo(ReportState.ACCEPTED);
        assertThat(cycleQuery.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.AWAITING_APPROVAL);

        // two reports go back: each to its institution, at its submission, with the comment
        String comment = "Norādiet izlietotos līdzekļus pa gadiem.";
        submitForm("coordinator", approval, Map.of("approvalDecision", "SEND_BACK", "sendBack", "1.2, 3.1",
                "sendBackComment", comment));
        ReportingCycle correcting = cycleQuery.find(cycle.getId());
        assertThat(correcting.getStatus()).isEqualTo(CycleStatus.CORRECTING);
        assertThat(correcting.getApprovedBy()).isNull();
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_CORRECT_REPORT);
        LocalDate correctionDue = calendar.plusWorkingDays(schedule.today(), 5);
        for (String code : List.of("1.2", "3.1")) {
            Task again = submitTask(cycle, code);
            assertThat(again).as(code).isNotNull();
            assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                    .processInstanceId(again.getProcessInstanceId()).count()).isEqualTo(1);
            assertThat(again.getDueDate()).isEqualTo(schedule.at(correctionDue));
            assertThat(taskService.getVariableLocal(again.getId(), MeasureReportProcess.VAR_REVIEW_COMMENT)).isEqualTo(comment);
            assertThat(reports.rowForBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), code)).state())
                    .isEqualTo(ReportState.RETURNED);
        }
        // the contributions were in: they are not asked again
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "3.1"))
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).count()).isZero();
        assertThat(mailsOf(cycle)).filteredOn(m -> m.getTemplate().equals("returned"))
                .extracting(m -> m.recipientList().get(0)).containsExactly("vk.reports@example.org", "vk.reports@example.org");

        // one correction accepted, the other returned once by the reviewer and then accepted
        submitAndAccept(cycle, reports.rowForBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "1.2")));
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_CORRECT_REPORT);
        Task task31 = submitTask(cycle, "3.1");
        complete("vk", task31, goodReport());
        complete("reviewer", reviewTask(task31.getProcessInstanceId()), Map.of("decision", "RETURN",
                "reviewComment", "Vēl trūkst 2024. gada."));
        submitAndAccept(cycle, reports.rowForBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "3.1")));

        // the overview comes to approval again, counted afresh, and is approved
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_APPROVE);
        ReportingCycle again = cycleQuery.find(cycle.getId());
        assertThat(again.getStatus()).isEqualTo(CycleStatus.AWAITING_APPROVAL);
        assertThat(again.getApprovalDueDate()).isEqualTo(calendar.plusWorkingDays(schedule.today(), 5));
        submitForm("coordinator", approvalTask(instance), Map.of("approvalDecision", "APPROVE"));
        execute(job());
        assertThat(instance).isEnded().hasPassed(ReportingCycleProcess.END_PUBLISHED);
        assertThat(cycleQuery.find(cycle.getId()).getApprovedBy()).isEqualTo("coordinator");
        assertThat(reports.countByState(cycle.getId()).get(ReportState.ACCEPTED)).isEqualTo(12L);
    }

    @Test
    void shouldReturnReportToInstitutionWhenReviewerAsksForChanges() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        Task task = submitTask(cycle, "1.3");
        // every form starts with the measure, its commitment, institution and deadline, in both languages
        String heading = "1.3 Training events for public administration \"Effective and meaningful public participation\""
                + " (workshops, e-learning)\nApņemšanās / Commitment 1: ";
        assertThat((String) taskService.getVariableLocal(task.getId(), MeasureReportProcess.VAR_MEASURE_HEADING))
                .startsWith(heading)
                .contains("\nAtbildīgā iestāde / Responsible institution: Valsts administrācijas skola")
                .endsWith("(VAS)\nTermiņš / Deadline: " + cycle.getSubmissionDeadline());
        Map<String, Object> bad = new HashMap<>(goodReport());
        bad.put("progress", " ");
        bad.put("evidenceLinks", "https://vas.gov.lv/macibas\nftp://example.org/x");
        bad.put("fundsSpentEur", -5);
        // the engine wraps what a task listener throws; the message names each bad field
        assertThatThrownBy(() -> complete("vas", task, bad))
                .hasRootCauseInstanceOf(InvalidReportException.class)
                .hasMessageContaining("progress").hasMessageContaining("evidenceLinks")
                .hasMessageContaining("fundsSpentEur");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        Long reportId = reports.forProcessInstance(task.getProcessInstanceId()).getId();
        assertThat(reports.revisions(reportId)).isEmpty();
        assertThat(reports.find(reportId).orElseThrow().getState()).isEqualTo(ReportState.AWAITING);

        // another institution cannot work on VAS's task
        assertThatThrownBy(() -> complete("vk", task, goodReport())).isInstanceOf(AuthorizationException.class);
        // nor reach VAS's report through its own task by naming another report
        Task own = submitTask(cycle, "1.1");
        Map<String, Object> forged = new HashMap<>(goodReport());
        forged.put(MeasureReportProcess.VAR_REPORT_ID, reportId);
        complete("vk", own, forged);
        assertThat(reports.find(reportId).orElseThrow().getState()).isEqualTo(ReportState.AWAITING);
        assertThat(reports.revisions(reportId)).isEmpty();

        complete("vas", task, goodReport());
        Task review = reviewTask(task.getProcessInstanceId());
        // the review form shows the completion in words, beside the value as submitted
        assertThat(taskService.getVariables(review.getId()))
                .containsEntry(MeasureReportProcess.VAR_COMPLETION_LABEL, "Būtiska / Substantial")
                .containsEntry(MeasureReportProcess.VAR_CHANGES, "Pirmais iesniegums / The first submission");
        assertThat((String) taskService.getVariableLocal(review.getId(), MeasureReportProcess.VAR_MEASURE_HEADING))
                .startsWith(heading);
        assertThatThrownBy(() -> complete("reviewer", review, Map.of("decision", "RETURN")))
                .hasRootCauseInstanceOf(InvalidReportException.class).hasMessageContaining("reviewComment");
        complete("reviewer", review, Map.of("decision", "RETURN",
                "reviewComment", "Lūdzu, pievienojiet mācību dalībnieku skaitu."));
        // the notice is queued by the review's own transaction, and the task is back with the institution
        ProcessInstance report = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        assertThat(report).isWaitingAt(MeasureReportProcess.ACTIVITY_SUBMIT)
                .hasPassed(MeasureReportProcess.GATEWAY_ACCEPTED);
        assertThat(reports.find(reportId).orElseThrow().getState()).isEqualTo(ReportState.RETURNED);
        MailMessage returned = mailsOf(cycle).stream().filter(m -> m.getTemplate().equals("returned")).findFirst()
                .orElseThrow();
        assertThat(returned.recipientList()).containsExactly("vas.reports@example.org");
        assertThat(returned.getBodyText()).contains("Lūdzu, pievienojiet mācību dalībnieku skaitu.");

        // the returned report opens with the reviewer's comment and the previous answers
        Task again = submitTask(cycle, "1.3");
        Map<String, Object> shown = taskService.getVariables(again.getId());
        assertThat(shown).containsEntry("reviewComment", "Lūdzu, pievienojiet mācību dalībnieku skaitu.")
                .containsEntry("progress", goodReport().get("progress"));

        assertThat((String) shown.get(MeasureReportProcess.VAR_MEASURE_HEADING)).startsWith(heading);

        Map<String, Object> changed = new HashMap<>(goodReport());
        changed.put("progress", "Notika 12 mācības ar 240 dalībniekiem.");
        changed.put("completion", "COMPLETE");
        complete("vas", again, changed);
        // the review of the second submission shows what it changed
        Task second = reviewTask(task.getProcessInstanceId());
        assertThat(taskService.getVariableLocal(second.getId(), MeasureReportProcess.VAR_CHANGES)).isEqualTo(
                "Izpildes pakāpe / Completion: Būtiska / Substantial → Pabeigts / Complete\n"
                        + "Paveiktais pārskata periodā / Progress in the period: mainīts / changed");
        complete("reviewer", second, Map.of("decision", "ACCEPT"));
        execute(job());
        assertThat(report).isEnded().hasPassed(MeasureReportProcess.END_ACCEPTED);
        List<ReportRevision> revisions = reports.revisions(reportId);
        assertThat(revisions).hasSize(2);
        assertThat(revisions).extracting(ReportRevision::getSubmittedBy).containsOnly("vas");
        assertThat(revisions.get(0).getAnswers().getProgress()).isEqualTo(goodReport().get("progress"));
        assertThat(revisions.get(1).getAnswers().getProgress()).isEqualTo("Notika 12 mācības ar 240 dalībniekiem.");
        assertThat(reports.find(reportId).orElseThrow().getState()).isEqualTo(ReportState.ACCEPTED);
        assertThat(reports.find(reportId).orElseThrow().getReviewedBy()).isEqualTo("reviewer");
    }

    @Test
    void shouldRemindOnlyInstitutionsWithOpenReportsOnEachReminderDate() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        ProcessInstance instance = instanceOf(cycle);
        List<LocalDate> reminders = reminders(cycle);
        // VAS submits both its reports; VK one of its six
        submit(cycle, "1.3", "vas");
        submit(cycle, "4.1", "vas");
        submit(cycle, "3.1", "vk");

        assertThat(timerDue(instance)).isEqualTo(schedule.at(reminders.get(0)));
        clock.moveTo(timerDue(instance).toInstant());
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_SEND_NOTICES);
        execute(job());
        List<MailMessage> first = mailsOf(cycle).stream().filter(m -> m.getTemplate().equals("reminder")).toList();
        assertThat(first).extracting(m -> m.recipientList().get(0))
                .containsExactlyInAnyOrder("vk.reports@example.org", "varam.reports@example.org");
        MailMessage toVk = first.stream().filter(m -> m.recipientList().contains("vk.reports@example.org"))
                .findFirst().orElseThrow();
        assertThat(toVk.getSubject()).isEqualTo("Atgādinājums: 5 atskaites vēl nav iesniegtas");
        assertThat(toVk.getBodyText()).contains("1.1 ").doesNotContain("3.1 ");

        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        assertThat(timerDue(instance)).isEqualTo(schedule.at(reminders.get(1)));
        // by the second reminder VARAM has submitted everything
        for (String code : List.of("5.1", "6.1", "6.2", "6.3")) {
            submit(cycle, code, "varam");
        }
        clock.moveTo(timerDue(instance).toInstant());
        execute(job());
        execute(job());
        List<MailMessage> second = mailsOf(cycle).stream()
                .filter(m -> m.getIdempotencyKey().endsWith(":" + reminders.get(1)))
                .filter(m -> m.getTemplate().equals("reminder")).toList();
        assertThat(second).extracting(m -> m.recipientList().get(0)).containsExactly("vk.reports@example.org");
        // what the cycle page counts per institution
        assertThat(CycleMails.remindersByInstitution(mailsOf(cycle))).containsOnly(Map.entry("VK", 2L),
                Map.entry("VARAM", 1L));
    }

    @Test
    void shouldSendOverdueNoticeToContactAndHeadTheDayAfterTheDeadline() throws Exception {
        // a Friday deadline: the notice goes out on the next working day, not on Saturday
        ReportingCycle cycle = openCycle(today.plusDays(10).with(
                java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.FRIDAY)));
        ProcessInstance instance = instanceOf(cycle);
        LocalDate deadline = cycle.getSubmissionDeadline();
        LocalDate overdueDay = schedule.overdueNoticeDate(deadline);
        for (String code : List.of("1.1", "1.2", "3.1", "3.2", "4.2", "4.3")) {
            submit(cycle, code, "vk");
        }
        runNoticesUntil(instance, overdueDay);
        List<MailMessage> overdue = mailsOf(cycle).stream().filter(m -> m.getTemplate().equals("overdue")).toList();
        assertThat(overdue).extracting(m -> m.recipientList().get(0))
                .containsExactlyInAnyOrder("vas.reports@example.org", "varam.reports@example.org");
        MailMessage toVaram = overdue.stream().filter(m -> m.recipientList().contains("varam.reports@example.org"))
                .findFirst().orElseThrow();
        assertThat(toVaram.ccList()).containsExactly("varam.head@example.org");
        assertThat(toVaram.getSubject()).isEqualTo("Nokavēts: 4 atskaites nav iesniegtas");
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_LEGAL_DEADLINE);
        assertThat(cycleQuery.rows(cycle.getId(), List.of("VARAM"))).allMatch(r -> r.isOverdue(overdueDay));
    }

    @Test
    void shouldAskCoordinatorsToFollowUpAtTheLegalDeadlineAndCloseWithWhatIsAccepted() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(3));
        ProcessInstance instance = instanceOf(cycle);
        for (ReportRow row : cycleQuery.rows(cycle.getId(), null)) {
            if (!row.institution().equals("VARAM")) {
                submitAndAccept(cycle, row);
            }
        }
        runNoticesUntil(instance, schedule.overdueNoticeDate(cycle.getSubmissionDeadline()));
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_LEGAL_DEADLINE);
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_FOLLOW_UP);
        Task followUp = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_FOLLOW_UP).singleResult();
        // the state in words, in both languages, in the task's description and its form
        assertThat(followUp.getDescription()).contains("5.1 (VARAM): Nav iesniegta / Not submitted")
                .contains("6.3 (VARAM): Nav iesniegta / Not submitted").doesNotContain("AWAITING")
                .doesNotContain("1.1");
        assertThat(taskService.getVariableLocal(followUp.getId(), ReportingCycleProcess.VAR_MISSING_MEASURES))
                .isEqualTo(followUp.getDescription());
        assertThat(taskService.createTaskQuery().taskId(followUp.getId()).taskCandidateGroup("coordinators").count())
                .isEqualTo(1);

        complete("coordinator", followUp, Map.of("closeCycle", false));
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_FOLLOW_UP_AGAIN);
        execute(job());
        Task again = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_FOLLOW_UP).singleResult();
        // this time through the form, as Tasklist sends it: the last follow-up's answer is not read
        submitForm("coordinator", again, Map.of("closeCycle", true));
        assertThat(instance).hasPassed("EndEvent_CollectionClosed")
                .isWaitingAt(ReportingCycleProcess.ACTIVITY_WITHDRAW_OPEN_REPORTS);
        execute(job());
        endReports(instance);
        ReportingCycle closed = cycleQuery.find(cycle.getId());
        assertThat(closed.getStatus()).isEqualTo(CycleStatus.AWAITING_APPROVAL);
        assertThat(closed.isClosedEarly()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MeasureReportProcess.KEY)
                .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId())).count()).isZero();
    }

    @Test
    void shouldMoveTasksAndTimersWhenTheDeadlineIsExtended() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        ProcessInstance instance = instanceOf(cycle);
        assertThat(timerDue(instance)).isEqualTo(schedule.at(reminders(cycle).get(0)));

        cycles.extend(cycle.getId(), null, today.plusDays(25).toString());
        ReportingCycle extended = cycleQuery.find(cycle.getId());
        LocalDate later = extended.getSubmissionDeadline();
        assertThat(later).isAfterOrEqualTo(today.plusDays(25));
        List<LocalDate> laterReminders = reminders(extended);
        assertThat(timerDue(instance)).isEqualTo(schedule.at(laterReminders.get(0)));
        assertThat(submitTask(cycle, "4.3").getDueDate()).isEqualTo(schedule.at(later));
        assertThat(submitTask(cycle, "4.3").getFollowUpDate()).isEqualTo(schedule.at(laterReminders.get(0)));

        // one measure gets more time still; the others keep theirs
        cycles.extend(cycle.getId(), "6.2", later.plusDays(7).toString());
        LocalDate evenLater = calendar.deadline(later.plusDays(7));
        assertThat(submitTask(cycle, "6.2").getDueDate()).isEqualTo(schedule.at(evenLater));
        assertThat(submitTask(cycle, "6.1").getDueDate()).isEqualTo(schedule.at(later));

        // the overdue notice of the cycle's deadline leaves 6.2 out
        LocalDate overdueDay = schedule.overdueNoticeDate(later);
        runNoticesUntil(instance, overdueDay);
        MailMessage overdue = mailsOf(cycle).stream()
                .filter(m -> m.getIdempotencyKey().equals("overdue:" + cycle.getId() + ":VARAM:" + overdueDay))
                .findFirst().orElseThrow();
        assertThat(overdue.getBodyText()).contains("6.1 ").doesNotContain("6.2 ");
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        assertThat(timerDue(instance)).isEqualTo(schedule.at(
                schedule.reminderDates(evenLater, cycle.getInvitationDate()).get(1)));

        assertThatThrownBy(() -> cycles.extend(cycle.getId(), null, cycle.getLegalDeadline().plusDays(1).toString()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cycles.extend(cycle.getId(), "9.9", later.toString()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldResumeRemindersWhenAnExtensionComesAfterTheLastNotice() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(2));
        ProcessInstance instance = instanceOf(cycle);
        runNoticesUntil(instance, schedule.overdueNoticeDate(cycle.getSubmissionDeadline()));
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_LEGAL_DEADLINE);

        // counted from the day the notices left the clock at, so that the new reminders are all ahead
        cycles.extend(cycle.getId(), null, schedule.today().plusDays(16).toString());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        assertThat(timerDue(instance)).isEqualTo(schedule.at(reminders(cycleQuery.find(cycle.getId())).get(0)));
    }

    @Test
    void shouldConsolidateWhatIsAcceptedWhenACoordinatorClosesTheCycleEarly() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        ProcessInstance instance = instanceOf(cycle);
        List<ReportRow> rows = cycleQuery.rows(cycle.getId(), null);
        submitAndAccept(cycle, rows.get(0));
        submit(cycle, rows.get(1).measureCode(), rows.get(1).institution().toLowerCase(java.util.Locale.ROOT));

        cycles.close(cycle.getId());
        assertThat(instance).hasPassed(ReportingCycleProcess.BOUNDARY_CYCLE_CLOSED)
                .isWaitingAt(ReportingCycleProcess.ACTIVITY_WITHDRAW_OPEN_REPORTS);
        assertThatThrownBy(() -> cycles.close(cycle.getId())).isInstanceOf(InvalidInputException.class);
        execute(job());
        endReports(instance);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MeasureReportProcess.KEY)
                .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId())).count()).isZero();
        Task approval = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        complete("coordinator", approval, Map.of());
        execute(job());
        assertThat(instance).isEnded();
        ReportingCycle published = cycleQuery.find(cycle.getId());
        assertThat(published.isClosedEarly()).isTrue();
        assertThat(cycleQuery.counts(cycle.getId())).containsEntry(ReportState.ACCEPTED, 1L)
                .containsEntry(ReportState.SUBMITTED, 1L).containsEntry(ReportState.AWAITING, 10L);
    }

    @Test
    void shouldRecordACycleStartedFromTheTasklistStartForm() throws Exception {
        Map<String, Object> form = new HashMap<>(Map.of("name", "No Tasklist", "periodFrom", "1980-01-01",
                "periodTo", "1981-12-31", "invitationDate", today.plusDays(1).toString(),
                "submissionDeadline", today.plusDays(20).toString(),
                "legalDeadline", today.plusDays(30).toString(), "acceptMovedDates", true));
        ProcessInstance started = ProcessTestSupport.as(identityService, "coordinator",
                () -> runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY, form));
        assertThat(started).isWaitingAt(ReportingCycleProcess.TIMER_INVITATION);
        Long cycleId = ReportingCycleProcess.cycleIdOf(runtimeService.createProcessInstanceQuery()
                .processInstanceId(started.getId()).singleResult().getBusinessKey());
        assertThat(runtimeService.getVariable(started.getId(), ReportingCycleProcess.VAR_CYCLE_ID)).isNull();
        ReportingCycle cycle = cycleQuery.find(cycleId);
        assertThat(cycle.getCreatedBy()).isEqualTo("coordinator");
        assertThat(cycle.getProcessInstanceId()).isEqualTo(started.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult()
                .getBusinessKey()).isEqualTo(cycleId.toString());
        assertThat(timerDue(started)).isEqualTo(schedule.at(schedule.invitationDay(today.plusDays(1))));

        Map<String, Object> bad = new HashMap<>(form);
        bad.put("periodFrom", "1982-01-01");
        bad.put("periodTo", "1982-12-31");
        bad.put("submissionDeadline", today.minusDays(1).toString());
        long before = runtimeService.createProcessInstanceQuery().count();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY, bad))
                .isInstanceOf(InvalidInputException.class);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
        // a date on a day off is pointed out before the cycle starts, until the coordinator accepts the move
        Map<String, Object> onSunday = new HashMap<>(form);
        onSunday.put("periodFrom", "1983-01-01");
        onSunday.put("periodTo", "1983-12-31");
        onSunday.put("acceptMovedDates", false);
        LocalDate sunday = today.plusDays(14).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        onSunday.put("submissionDeadline", sunday.toString());
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "coordinator",
                () -> runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY, onSunday)))
                .isInstanceOf(InvalidInputException.class);
        onSunday.put("acceptMovedDates", true);
        ProcessInstance moved = ProcessTestSupport.as(identityService, "coordinator",
                () -> runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY, onSunday));
        ReportingCycle movedCycle = cycleQuery.find(ReportingCycleProcess.cycleIdOf(moved.getBusinessKey()));
        assertThat(movedCycle.getRequestedSubmissionDeadline()).isEqualTo(sunday);
        assertThat(movedCycle.getSubmissionDeadline()).isAfter(sunday);

        // an institution may not start cycles
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "vk",
                () -> runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY, form)))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void shouldOpenTheNextCyclesFormWithThePreviousCyclesAcceptedAnswers() throws Exception {
        ReportingCycle first = openCycle(today.plusDays(20));
        Map<String, Object> answers = new HashMap<>(goodReport());
        answers.put("progress", "Pirmajā periodā: ietvardokuments izstrādāts.");
        Task task = submitTask(first, "1.1");
        complete("vk", task, answers);
        complete("reviewer", reviewTask(task.getProcessInstanceId()), Map.of("decision", "ACCEPT"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getId());

        ReportingCycle next = openCycle(today.plusDays(25));
        Map<String, Object> carried = taskService.getVariables(submitTask(next, "1.1").getId());
        assertThat(carried).containsEntry("progress", "Pirmajā periodā: ietvardokuments izstrādāts.")
                .containsEntry("completion", "SUBSTANTIAL").containsEntry("fundsSpentEur", 1250.5);
    }

    @Test
    void shouldDecideFromTheReportAndNeverFromVariablesSomeoneElseWrote() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        Task task = submitTask(cycle, "1.1");
        String instance = task.getProcessInstanceId();
        Long reportId = reports.forProcessInstance(instance).getId();

        // the institution may work its task, not rewrite it
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "vk", () -> {
            taskService.setVariable(task.getId(), "taskGroup", "inst-vas");
            return null;
        })).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "vk", () -> {
            taskService.addCandidateGroup(task.getId(), "inst-vas");
            return null;
        })).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "vk", () -> {
            taskService.setAssignee(task.getId(), "vas");
            return null;
        })).isInstanceOf(AuthorizationException.class);
        // a BPMN error nobody catches fails instead of ending the report's process
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "vk", () -> {
            taskService.handleBpmnError(task.getId(), "stop");
            return null;
        })).isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult())
                .isWaitingAt(MeasureReportProcess.ACTIVITY_SUBMIT);

        // nor can anyone outside the institution submit it, whoever the task was handed to
        assertThatThrownBy(() -> complete("admin", task, goodReport()))
                .hasRootCauseInstanceOf(InvalidReportException.class).hasMessageContaining("inst-vk");

        // whatever got stored under the names the process once read decides nothing
        runtimeService.setVariables(instance, Map.of("taskGroup", "inst-vas", "taskName", "Forged",
                "taskDue", new java.util.Date(0), "decision", "ACCEPT", "reviewComment", "Old comment"));
        complete("vk", task, goodReport());
        Task review = reviewTask(instance);
        assertThat(taskService.getVariables(review.getId())).doesNotContainKeys("decision", "reviewComment")
                .containsEntry("progress", goodReport().get("progress"));
        complete("reviewer", review, Map.of("decision", "RETURN", "reviewComment", "Pievienojiet skaitļus."));
        Task again = submitTask(cycle, "1.1");
        assertThat(taskService.getIdentityLinksForTask(again.getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("inst-vk");
        assertThat(again.getName()).startsWith("Atskaite / Report: 1.1").isNotEqualTo("Forged");
        assertThat(again.getDueDate()).isEqualTo(schedule.at(reports.find(reportId).orElseThrow().getDueDate()));
        assertThat(taskService.getVariables(again.getId())).containsEntry("reviewComment", "Pievienojiet skaitļus.");

        // a decision left in the process (as earlier versions kept the last one there) is not read
        runtimeService.setVariable(instance, "decision", "RETURN");
        complete("vk", again, goodReport());
        Task secondReview = reviewTask(instance);
        assertThat(taskService.getVariables(secondReview.getId())).doesNotContainKeys("decision", "reviewComment");
        submitForm("reviewer", secondReview, Map.of("decision", "ACCEPT"));
        assertThat(reports.find(reportId).orElseThrow().getState()).isEqualTo(ReportState.ACCEPTED);
        assertThat(reports.find(reportId).orElseThrow().getReviewComment()).isNull();
        // what the users answered is not left in the process for anyone to read
        assertThat(runtimeService.getVariables(instance)).doesNotContainKeys("progress", "completion");
    }

    @Test
    void shouldTimeAndPublishTheCycleFromItsOwnRecordWhateverItsVariablesSay() throws Exception {
        ReportingCycle other = openCycle(today.plusDays(40));
        ReportingCycle cycle = openCycle(today.plusDays(3));
        ProcessInstance instance = instanceOf(cycle);
        // a coordinator may write the process's variables; the names earlier versions read decide nothing
        runtimeService.setVariables(instance.getId(), Map.of(ReportingCycleProcess.VAR_CYCLE_ID, other.getId(),
                "approvedBy", "forged"));
        // the notice loop goes round once (the clock stays, so nothing is due yet) and sets its timer again
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        execute(job());
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        assertThat(schedule.nextNoticeAt(other.getId())).isNotEqualTo(schedule.nextNoticeAt(cycle.getId()));
        assertThat(timerDue(instance)).isEqualTo(schedule.nextNoticeAt(cycle.getId()));

        cycles.close(cycle.getId());
        execute(job());
        endReports(instance);
        Task approval = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_APPROVE).singleResult();
        ProcessTestSupport.as(identityService, "coordinator", () -> {
            taskService.complete(approval.getId());
            return null;
        });
        assertThat(cycleQuery.find(cycle.getId()).getApprovedBy()).isEqualTo("coordinator");
        runtimeService.setVariable(instance.getId(), "approvedBy", "forged");
        execute(job());
        assertThat(instance).isEnded();
        assertThat(cycleQuery.find(cycle.getId()).getApprovedBy()).isEqualTo("coordinator");
        assertThat(cycleQuery.find(other.getId()).getStatus()).isEqualTo(CycleStatus.COLLECTING);
    }

    @Test
    void shouldCallEachReportFromItsCycleSoThatCockpitLinksThemBothWays() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        String cycleInstance = cycle.getProcessInstanceId();

        List<ProcessInstance> called = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(cycleInstance).list();
        assertThat(called).hasSize(12).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrderElementsOf(cycleQuery.rows(cycle.getId(), null).stream()
                        .map(row -> MeasureReportProcess.businessKey(cycle.getId(), row.measureCode())).toList());
        for (ProcessInstance report : called) {
            assertThat(runtimeService.createProcessInstanceQuery().subProcessInstanceId(report.getId()).singleResult()
                    .getId()).isEqualTo(cycleInstance);
            assertThat(reports.forProcessInstance(report.getId()).getCycleId()).isEqualTo(cycle.getId());
        }
        // what Cockpit reads: the call activity's instances name the called processes, and back
        List<String> calledIds = called.stream().map(ProcessInstance::getId).toList();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(cycleInstance)
                .activityId(ReportingCycleProcess.ACTIVITY_MEASURE_REPORT).list())
                .extracting(org.camunda.bpm.engine.history.HistoricActivityInstance::getCalledProcessInstanceId)
                .containsExactlyInAnyOrderElementsOf(calledIds);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(
                new java.util.HashSet<>(calledIds)).list())
                .hasSize(12).allMatch(h -> cycleInstance.equals(h.getSuperProcessInstanceId()));
        // the called processes keep no variable of their own: their first task got what it needs unstored
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(calledIds.toArray(String[]::new))
                .list()).allMatch(variable -> variable.getTaskId() != null);

        // an accepted report's process ends, reaches its cycle, and stays linked in the history
        ReportRow first = cycleQuery.rows(cycle.getId(), null).get(0);
        submitAndAccept(cycle, first);
        String accepted = reports.forProcessInstance(calledIds.stream()
                .filter(id -> reports.forProcessInstance(id).getState() == ReportState.ACCEPTED).findFirst()
                .orElseThrow()).getProcessInstanceId();
        var history = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(accepted)
                .singleResult();
        assertThat(history.getSuperProcessInstanceId()).isEqualTo(cycleInstance);
        assertThat(history.getEndActivityId()).isEqualTo(MeasureReportProcess.END_ACCEPTED);
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycleInstance).count())
                .isEqualTo(11);
        assertThat(runtimeService.getActivityInstance(cycleInstance)
                .getActivityInstances(ReportingCycleProcess.ACTIVITY_MEASURE_REPORT)).hasSize(11);
    }

    @Test
    void shouldStartNoReportProcessOnceTheCycleClosed() throws Exception {
        int year = PERIOD.getAndAdd(2);
        ReportingCycle cycle = cycles.start(new CycleRequest("Cikls " + year, year + "-01-01", (year + 1) + "-12-31",
                today.toString(), today.plusDays(20).toString(), today.plusDays(40).toString()), "coordinator");
        ProcessInstance instance = instanceOf(cycle);
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_INVITATION);
        execute(job());
        execute(job());
        // the reports are open, their processes not yet started, when a coordinator closes the cycle
        assertThat(instance).isWaitingAt(ReportingCycleProcess.SUBPROCESS_REPORT_BATCH);
        cycles.close(cycle.getId());
        execute(job(ReportingCycleProcess.ACTIVITY_WITHDRAW_OPEN_REPORTS));
        assertThat(instance).isWaitingAt(ReportingCycleProcess.GATEWAY_REPORTS_ENDED);

        // a start that comes too late fails, whoever tries it
        String businessKey = MeasureReportProcess.businessKey(cycle.getId(), "1.1");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(MeasureReportProcess.KEY, businessKey))
                .hasMessageContaining("withdrawn");
        // the batch starts none of its withdrawn reports
        lv.opengov.reporting.support.CycleFixture.startReports(managementService, instance.getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(MeasureReportProcess.KEY)
                .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId())).count()).isZero();
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_APPROVE)
                .hasPassed(ReportingCycleProcess.SUBPROCESS_REPORT_BATCH);
        assertThat(cycleQuery.counts(cycle.getId())).containsEntry(ReportState.AWAITING, 12L);
    }

    @Test
    void shouldRefuseASecondProcessForAReport() throws Exception {
        ReportingCycle cycle = openCycle(today.plusDays(20));
        String businessKey = MeasureReportProcess.businessKey(cycle.getId(), "1.1");
        String first = reports.rowForBusinessKey(businessKey).processInstanceId();
        long before = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(MeasureReportProcess.KEY, businessKey))
                .hasMessageContaining(businessKey);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
                .isEqualTo(before).isEqualTo(1);
        assertThat(reports.rowForBusinessKey(businessKey).processInstanceId()).isEqualTo(first);
    }

    // --- helpers ------------------------------------------------------------------------------

    private ReportingCycle openCycle(LocalDate deadline) throws Exception {
        int year = PERIOD.getAndAdd(2);
        ReportingCycle cycle = cycles.start(new CycleRequest("Cikls " + year, year + "-01-01", (year + 1) + "-12-31",
                today.toString(), deadline.toString(), today.plusDays(40).toString()), "coordinator");
        ProcessInstance instance = instanceOf(cycle);
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_INVITATION);
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.ACTIVITY_OPEN_REPORTS);
        execute(job());
        assertThat(instance).isWaitingAt(ReportingCycleProcess.SUBPROCESS_REPORT_BATCH)
                .isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        lv.opengov.reporting.support.CycleFixture.startReports(managementService, instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MeasureReportProcess.KEY)
                .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId())).count()).isEqualTo(12);
        assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
        sendEveryContribution(cycle);
        return cycleQuery.find(cycle.getId());
    }

    /**
     * The co-responsible institutions send their parts at once, so that what these tests follow is the
     * responsible institutions' reports alone (the contributions have tests of their own).
     */
    private void sendEveryContribution(ReportingCycle cycle) throws Exception {
        for (Task task : taskService.createTaskQuery()
                .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId()))
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).list()) {
            String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull)
                    .findFirst().orElseThrow();
            complete(group.substring(group.indexOf('-') + 1), task, Map.of("progress", "Ieguldījums."));
        }
    }

    private List<LocalDate> reminders(ReportingCycle cycle) {
        return schedule.reminderDates(cycle.getSubmissionDeadline(), cycle.getInvitationDate());
    }

    private ProcessInstance instanceOf(ReportingCycle cycle) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(cycleQuery.find(cycle.getId())
                .getProcessInstanceId()).singleResult();
    }

    private List<MailMessage> mailsOf(ReportingCycle cycle) {
        return outbox.list(null, 1000).stream().filter(m -> cycle.getId().equals(m.getCycleId())).toList();
    }

    private Task submitTask(ReportingCycle cycle, String code) {
        return taskService.createTaskQuery().processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), code))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
    }

    private Task approvalTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_APPROVE).singleResult();
    }

    /** Fires the instance's timer at the given activity, then runs the asynchronous step it leads to. */
    private void fireTimer(ProcessInstance instance, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
        assertThat(timer).as(activityId).isNotNull();
        managementService.executeJob(timer.getId());
        for (Job next : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
            managementService.executeJob(next.getId());
        }
    }

    private Task reviewTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(MeasureReportProcess.TASK_REVIEW).singleResult();
    }

    private static Map<String, Object> goodReport() {
        return Map.of("completion", "SUBSTANTIAL", "progress", "Notika 10 mācības; apmācīti 200 ierēdņi.",
                "challenges", "Grūti piesaistīt pašvaldības.", "nextSteps", "E-kurss 2025. gadā.",
                "fundsSpentEur", 1250.5, "evidenceLinks", "https://www.vas.gov.lv/lv/macibas\nhttp://example.org/x");
    }

    private void complete(String user, Task task, Map<String, Object> variables) throws Exception {
        ProcessTestSupport.as(identityService, user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** As Tasklist completes a task: its form submitted. */
    private void submitForm(String user, Task task, Map<String, Object> variables) throws Exception {
        ProcessTestSupport.as(identityService, user, () -> {
            engine.getFormService().submitTaskForm(task.getId(), variables);
            return null;
        });
    }

    private void submit(ReportingCycle cycle, String code, String user) throws Exception {
        complete(user, submitTask(cycle, code), goodReport());
    }

    private void submitAndAccept(ReportingCycle cycle, ReportRow row) throws Exception {
        Task task = submitTask(cycle, row.measureCode());
        complete(row.institution().toLowerCase(java.util.Locale.ROOT), task, goodReport());
        complete("reviewer", reviewTask(task.getProcessInstanceId()), Map.of("decision", "ACCEPT"));
        Job acceptance = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        managementService.executeJob(acceptance.getId());
    }

    private java.util.Date timerDue(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
                .getDuedate();
    }

    /** Fires the notice timer and sends its notices until the given notice date has been processed. */
    private void runNoticesUntil(ProcessInstance instance, LocalDate last) {
        for (int round = 0; ; round++) {
            assertThat(round).as("notice dates processed before " + last).isLessThan(30);
            ReportingCycle cycle = cycleQuery.find(Long.valueOf(instance.getBusinessKey()));
            if (cycle.getNoticesDoneThrough() != null && !cycle.getNoticesDoneThrough().isBefore(last)) {
                return;
            }
            assertThat(instance).isWaitingAt(ReportingCycleProcess.TIMER_NOTICE_DUE);
            clock.moveTo(timerDue(instance).toInstant());
            execute(job());
            execute(job());
        }
    }

    /** Runs what the job executor would: the batch that withdraws the open reports, and the reports' ends. */
    private void endReports(ProcessInstance cycleInstance) {
        lv.opengov.reporting.support.CycleFixture.endReports(managementService, cycleInstance.getId());
    }
}
