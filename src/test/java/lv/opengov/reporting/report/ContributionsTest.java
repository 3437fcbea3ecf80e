package lv.opengov.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.InstitutionKind;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.plan.PlanTable;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ProcessTestSupport;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Everyone order No. 78 names reports: on measure 3.1, led by VK, the co-responsible TM and FM and
 * the other implementer LPA each get a contribute-report task of their own, due before VK's deadline;
 * what they send reaches VK's form, is kept as a revision, and VK may submit without one.
 */
@ReportingTest
// an application of its own: its plan gains an other implementer that the shared one must not have
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:contributions;DB_CLOSE_DELAY=-1")
class ContributionsTest {

    private static final String MEASURE = "3.1";

    @Autowired
    CycleFixture fixture;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    ContributionService contributions;

    @Autowired
    ReportService reports;

    @Autowired
    PlanImportService planImport;

    @Autowired
    PlanService plan;

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
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @BeforeEach
    void anOtherImplementerOnTheMeasure() {
        if (plan.findInstitution("LPA").isPresent()) {
            return;
        }
        planImport.importTables(Map.of(
                PlanTable.INSTITUTIONS, csv("code,name_lv,name_en,contact_email,head_email,language,kind\n"
                        + "LPA,Latvijas Pilsoniskā alianse,Civic Alliance - Latvia,lpa@example.org,,lv,implementer\n"),
                PlanTable.MEASURES, csv("code,commitment,title_lv,title_en,responsible,co_responsible,implementers\n"
                        + "3.1,3,Nozaru sadarbības partneru pārstāvniecības stiprināšana un regulāra dialoga"
                        + " uzturēšana,Strengthening the representation of sectoral partners and maintaining a"
                        + " regular dialogue,VK,TM FM,LPA\n")));
        User member = identityService.newUser("lpa-member");
        member.setPassword("lpa-member-password");
        identityService.saveUser(member);
        identityService.createMembership("lpa-member", "impl-lpa");
    }

    @Test
    void everyContributorGetsATaskOfItsOwnDueBeforeTheResponsibleInstitutionsDeadline() {
        assertThat(plan.findInstitution("LPA").orElseThrow().getKind()).isEqualTo(InstitutionKind.IMPLEMENTER);
        assertThat(identityService.createGroupQuery().groupId("impl-lpa").count()).isOne();
        ReportingCycle cycle = fixture.openCycle("Ieguldījumi");
        List<Task> tasks = contributionTasks(cycle);
        assertThat(tasks).hasSize(3);
        assertThat(tasks).extracting(t -> candidateGroup(t.getId()))
                .containsExactlyInAnyOrder("inst-tm", "inst-fm", "impl-lpa");
        LocalDate due = schedule.contributionDueDate(cycle.getSubmissionDeadline());
        assertThat(due).isBefore(cycle.getSubmissionDeadline());
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.getDueDate()).isEqualTo(schedule.at(due));
            assertThat(t.getName()).startsWith("Ieguldījums / Contribution: 3.1").endsWith("(VK)");
            // the form starts with the measure and the contributor's own due date
            assertThat((String) taskService.getVariableLocal(t.getId(), MeasureReportProcess.VAR_MEASURE_HEADING))
                    .startsWith("3.1 Nozaru sadarbības partneru pārstāvniecības stiprināšana un regulāra dialoga "
                            + "uzturēšana / Strengthening the representation of sectoral partners")
                    .contains("\nApņemšanās / Commitment 3: ").contains("(VK)\n")
                    .endsWith("Termiņš / Deadline: " + due);
        });
        assertThat(contributions.rowsOfReport(reportId(cycle))).extracting(ContributionRow::contributor,
                ContributionRow::role).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FM", ContributionRole.CO_RESPONSIBLE),
                        org.assertj.core.groups.Tuple.tuple("LPA", ContributionRole.IMPLEMENTER),
                        org.assertj.core.groups.Tuple.tuple("TM", ContributionRole.CO_RESPONSIBLE));
        // a measure without partners has no contribution task
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(
                MeasureReportProcess.businessKey(cycle.getId(), "1.2"))
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).count()).isZero();
        // each contributor is told what it contributes to and by when
        List<MailMessage> copies = outbox.listForCycle(cycle.getId()).stream()
                .filter(m -> m.getTemplate().equals("invitation-copy")).toList();
        assertThat(copies).extracting(m -> m.recipientList().get(0)).contains("tm.reports@example.org",
                "fm.reports@example.org", "lpa@example.org");
        assertThat(copies.stream().filter(m -> m.recipientList().contains("lpa@example.org")).findFirst()
                .orElseThrow().getBodyText()).contains("3.1").contains("Tasklist")
                .contains("līdz " + lv.opengov.reporting.common.LatvianDates.until(due,
                        java.util.Locale.forLanguageTag("lv")));
    }

    @Test
    void aContributionReachesTheResponsibleInstitutionsFormAndIsKeptAsARevision() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Ieguldījums nonāk atskaitē");
        Task tm = contributionTask(cycle, "inst-tm");
        ProcessTestSupport.completeAs(identityService, taskService, "tm", tm.getId(), Map.of(
                "progress", "Sagatavoti grozījumi; <b>ne HTML</b>", "fundsSpentEur", 300,
                "evidenceLinks", "https://www.tm.gov.lv/lv/jaunumi"));

        ContributionRow sent = contributions.rowsOfReport(reportId(cycle)).stream()
                .filter(c -> c.contributor().equals("TM")).findFirst().orElseThrow();
        assertThat(sent.state()).isEqualTo(ContributionState.SUBMITTED);
        assertThat(sent.progress()).isEqualTo("Sagatavoti grozījumi; <b>ne HTML</b>");
        assertThat(sent.fundsSpentEur()).isEqualByComparingTo("300");
        assertThat(contributions.revisions(sent.id())).singleElement()
                .satisfies(r -> assertThat(r.getSubmittedBy()).isEqualTo("tm"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = ? and cycle_id = ?",
                Long.class, AuditAction.CONTRIBUTION_SUBMITTED.name(), cycle.getId())).isOne();

        // VK's open form shows it, and who is still to send theirs
        Task lead = leadTask(cycle);
        String shown = (String) taskService.getVariable(lead.getId(), MeasureReportProcess.VAR_CONTRIBUTIONS);
        assertThat(shown).contains("TM — iesniegts / submitted").contains("Sagatavoti grozījumi")
                .contains("FM — vēl nav iesniegts / not yet submitted");

        // VK's own answers stay its own, and nobody's answers are left in the process
        ProcessTestSupport.completeAs(identityService, taskService, "vk", lead.getId(),
                CycleFixture.report("SUBSTANTIAL", "VK darbs."));
        assertThat(reports.find(reportId(cycle)).orElseThrow().getAnswers().getProgress()).isEqualTo("VK darbs.");
        assertThat(runtimeService.getVariables(lead.getProcessInstanceId())).doesNotContainKeys("progress",
                "fundsSpentEur");
    }

    @Test
    void onlyTheContributorsOwnMembersMaySendItAndTheyMustSaySomething() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Svešs ieguldījums");
        Task lpa = contributionTask(cycle, "impl-lpa");
        assertThatThrownBy(() -> ProcessTestSupport.as(identityService, "tm", () -> {
            taskService.complete(lpa.getId(), Map.of("progress", "Ne mūsu."));
            return null;
        })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThatThrownBy(() -> ProcessTestSupport.completeAs(identityService, taskService, "lpa-member",
                lpa.getId(), Map.of("fundsSpentEur", -5)))
                .hasRootCauseInstanceOf(InvalidReportException.class).hasMessageContaining("progress");
        assertThat(taskService.createTaskQuery().taskId(lpa.getId()).count()).isOne();
        ProcessTestSupport.completeAs(identityService, taskService, "lpa-member", lpa.getId(),
                Map.of("progress", "Organizētas divas diskusijas."));
        assertThat(contributions.rowsOfReport(reportId(cycle))).filteredOn(c -> c.contributor().equals("LPA"))
                .singleElement().satisfies(c -> assertThat(c.isSubmitted()).isTrue());
    }

    @Test
    void theResponsibleInstitutionMaySubmitWithoutAContributionWhichThenCountsAsMissing() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Bez ieguldījuma");
        ProcessTestSupport.completeAs(identityService, taskService, "fm", contributionTask(cycle, "inst-fm").getId(),
                Map.of("progress", "FM daļa."));
        fixture.submit(cycle, MEASURE, "vk", CycleFixture.report("COMPLETE", "Pabeigts."));
        fixture.review(cycle, MEASURE, Map.of("decision", "ACCEPT"));
        String instance = reports.find(reportId(cycle)).orElseThrow().getProcessInstanceId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isZero();
        assertThat(contributions.rowsOfReport(reportId(cycle))).extracting(ContributionRow::contributor,
                ContributionRow::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FM", ContributionState.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple("LPA", ContributionState.AWAITING),
                        org.assertj.core.groups.Tuple.tuple("TM", ContributionState.AWAITING));
        // nothing is due any more from contributions to an accepted report
        assertThat(contributions.openRowsDueOn(cycle.getId(), contributions.openDueDates(cycle.getId())))
                .noneMatch(c -> c.reportId().equals(reportId(cycle)));
    }

    @Test
    void theRemindersListTheContributionsStillOwed() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Atgādinājumi par ieguldījumu");
        ProcessTestSupport.completeAs(identityService, taskService, "fm", contributionTask(cycle, "inst-fm").getId(),
                Map.of("progress", "FM daļa."));
        LocalDate due = schedule.contributionDueDate(cycle.getSubmissionDeadline());
        LocalDate firstReminder = schedule.reminderDates(due, cycle.getInvitationDate()).get(0);
        assertThat(schedule.nextNoticeDate(cycle.getId())).contains(firstReminder);

        Job timer = managementService.createJobQuery().processInstanceId(cycle.getProcessInstanceId()).timers()
                .singleResult();
        clock.moveTo(timer.getDuedate().toInstant());
        managementService.executeJob(timer.getId());
        fixture.runDueJobs(cycle);

        List<MailMessage> reminders = outbox.listForCycle(cycle.getId()).stream()
                .filter(m -> m.getTemplate().equals("reminder")).toList();
        // TM and LPA still owe their part of 3.1; FM sent its part (it still owes others, on 5.1)
        assertThat(reminders).extracting(m -> m.recipientList().get(0))
                .contains("tm.reports@example.org", "lpa@example.org");
        assertThat(reminderTo(reminders, "tm.reports@example.org")).contains("3.1 Nozaru sadarbības")
                .contains("jūsu ieguldījums iestādes Valsts kanceleja atskaitē");
        assertThat(reminderTo(reminders, "lpa@example.org")).contains("3.1 Nozaru sadarbības");
        assertThat(reminders).filteredOn(m -> m.recipientList().contains("fm.reports@example.org"))
                .allSatisfy(m -> assertThat(m.getBodyText()).doesNotContain("3.1 "));
    }

    @Test
    void theMeasurePageTheCyclePageAndTheReportShowWhatWasSentAndWhoIsMissing() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Ieguldījumi lapās");
        ProcessTestSupport.completeAs(identityService, taskService, "tm", contributionTask(cycle, "inst-tm").getId(),
                Map.of("progress", "<script>alert(1)</script>Grozījumi sagatavoti.", "fundsSpentEur", 120));
        String measurePage = page("/cycles/" + cycle.getId() + "/measures/3.1?lang=en");
        assertThat(measurePage).contains("Contributions of co-responsible institutions and other implementers")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;Grozījumi sagatavoti.").doesNotContain("<script>alert")
                .contains("120.00 EUR").contains("Not sent (due " + schedule.contributionDueDate(
                        cycle.getSubmissionDeadline()) + ")").contains("other implementer");
        String cyclePage = page("/cycles/" + cycle.getId() + "?lang=en");
        assertThat(cyclePage).contains("Contributions missing")
                .containsPattern("1 of \\d+ contributions of co-responsible institutions and other implementers sent");
        String csv = new String(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/cycles/" + cycle.getId() + "/report.csv?lang=en")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("coordinator", "coordinator")))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Contributions").contains("Not sent: FM, LPA");
        // money: the plan's lines (192,000 EUR in all) against what was reported spent, TM's 120 EUR on 3.1 among it
        assertThat(cyclePage).contains("Funding planned and spent").contains("192 000.00")
                .containsPattern("3\\.1, 6\\.3</td>\\s*<td class=\"num\">35 000.00</td>\\s*<td class=\"num\"><span>120.00</span>");
        assertThat(csv).contains("Planned funding, EUR").containsPattern("\\nTotal;[^\\n]*;192000(\\.00)?;*\\r?\\n");
    }

    @Test
    void aContributorAttachesItsOwnFilesToTheReportWhileItsPartIsStillToSend() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Ieguldījuma pierādījumi");
        Long report = reportId(cycle);
        Task tm = contributionTask(cycle, "inst-tm");
        // the contribution's form links to the report's evidence page
        assertThat(taskService.getVariableLocal(tm.getId(), MeasureReportProcess.VAR_REPORT_ID)).isEqualTo(report);
        byte[] pdf = lv.opengov.reporting.support.EvidenceSamples.pdf("TM contribution");
        mvc.perform(upload(report, "TM grozījumi.pdf", pdf, "tm"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/reports/" + report + "/evidence"));
        String listed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/reports/" + report + "/evidence").with(basic("tm")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains("TM grozījumi.pdf").contains("/camunda/app/tasklist/default/#/?task=" + tm.getId());
        assertThat(jdbc.queryForObject("select institution_code from evidence_file where report_id = ?", String.class,
                report)).isEqualTo("TM");
        // VK, whose report it is, sees it; an institution with no part in the measure does not
        assertThat(page("/cycles/" + cycle.getId() + "/measures/3.1?lang=en")).contains("TM grozījumi.pdf");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/reports/" + report + "/evidence").with(basic("vas")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        // once its part is sent, the contributor attaches no more
        ProcessTestSupport.completeAs(identityService, taskService, "tm", tm.getId(), Map.of("progress", "Nosūtīts."));
        long before = jdbc.queryForObject("select count(*) from evidence_file", Long.class);
        mvc.perform(upload(report, "Vēlāk.pdf", pdf, "tm"));
        assertThat(jdbc.queryForObject("select count(*) from evidence_file", Long.class)).isEqualTo(before);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder upload(Long report,
            String name, byte[] content, String user) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/reports/" + report + "/evidence")
                .file(new org.springframework.mock.web.MockMultipartFile("file", name, "application/octet-stream", content))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(basic(user));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String user) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(user, user);
    }

    private String page(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("coordinator", "coordinator")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String reminderTo(List<MailMessage> reminders, String address) {
        return reminders.stream().filter(m -> m.recipientList().contains(address)).findFirst().orElseThrow()
                .getBodyText();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Long reportId(ReportingCycle cycle) {
        return reports.forBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), MEASURE)).getId();
    }

    private List<Task> contributionTasks(ReportingCycle cycle) {
        return taskService.createTaskQuery().processInstanceBusinessKey(
                        MeasureReportProcess.businessKey(cycle.getId(), MEASURE))
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).list();
    }

    private Task contributionTask(ReportingCycle cycle, String group) {
        return contributionTasks(cycle).stream().filter(t -> group.equals(candidateGroup(t.getId()))).findFirst()
                .orElseThrow();
    }

    private Task leadTask(ReportingCycle cycle) {
        return taskService.createTaskQuery().processInstanceBusinessKey(
                        MeasureReportProcess.businessKey(cycle.getId(), MEASURE))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
    }

    private String candidateGroup(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
