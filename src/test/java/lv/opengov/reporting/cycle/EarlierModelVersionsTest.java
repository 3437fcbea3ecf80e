package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ProcessTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Instances of the models as they were before the cycle called its reports (test resources under
 * earlier-models/) keep working after the change: a cycle that has not opened its reports moves to the
 * current model, and a cycle past its opening, with reports started on their own, runs to its end on
 * the earlier models. A context of its own: it deploys models.
 */
@SpringBootTest(properties = "reporting.test.context=earlier-models")
@ActiveProfiles({"demo", "test"})
class EarlierModelVersionsTest {

    private static final AtomicInteger PERIOD = new AtomicInteger(1950);

    @Autowired
    CycleService cycles;

    @Autowired
    CycleQuery cycleQuery;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    EarlierCycleModels earlierCycleModels;

    @Autowired
    ReportService reports;

    @Autowired
    Outbox outbox;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCycleNotYetOpenedMovesToTheModelThatCallsItsReports() throws Exception {
        deployEarlier("reporting-cycle.bpmn");
        ReportingCycle cycle = startCycle();
        String earlierDefinition = definitionOf(cycle.getProcessInstanceId());
        deployCurrent();

        earlierCycleModels.moveUnopenedCycles();

        ProcessDefinition current = latest(ReportingCycleProcess.KEY);
        assertThat(definitionOf(cycle.getProcessInstanceId())).isNotEqualTo(earlierDefinition)
                .isEqualTo(current.getId());
        runCycleJob(cycle); // the invitation date
        runCycleJob(cycle); // open the reports
        CycleFixture.startReports(managementService, cycle.getProcessInstanceId());
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycle.getProcessInstanceId())
                .count()).isEqualTo(12);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(
                MeasureReportProcess.businessKeysOf(cycle.getId())).taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT)
                .count()).isEqualTo(12);
    }

    @Test
    void aCycleOpenedOnTheEarlierModelsRunsToItsEndOnThem() throws Exception {
        deployEarlier("reporting-cycle.bpmn", "measure-report.bpmn");
        ProcessDefinition earlierReport = latest(MeasureReportProcess.KEY);
        ReportingCycle cycle = startCycle();
        runCycleJob(cycle); // the invitation date
        runCycleJob(cycle); // open the reports
        // as the code of that time did: one process per report, on its own, recorded on the report
        for (ReportRow row : reports.rows(cycle.getId())) {
            String instance = runtimeService.startProcessInstanceById(earlierReport.getId(),
                    MeasureReportProcess.businessKey(cycle.getId(), row.measureCode())).getId();
            jdbc.update("update measure_report set process_instance_id = ? where id = ?", instance, row.reportId());
        }
        deployCurrent();
        earlierCycleModels.moveUnopenedCycles();
        assertThat(definitionOf(cycle.getProcessInstanceId())).isNotEqualTo(latest(ReportingCycleProcess.KEY).getId());

        List<ReportRow> rows = reports.rows(cycle.getId());
        ReportRow returned = rows.get(0);
        submit(cycle, returned);
        review(cycle, returned, Map.of("decision", "RETURN", "reviewComment", "Precizējiet."));
        // the earlier model's "Notify the institution" step announces the return once more: one notice
        assertThat(outbox.listForCycle(cycle.getId()).stream().filter(m -> m.getTemplate().equals("returned")))
                .hasSize(1);
        for (ReportRow row : rows) {
            submit(cycle, row);
            review(cycle, row, Map.of("decision", "ACCEPT"));
        }
        assertThat(cycleQuery.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.CONSOLIDATING);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(
                MeasureReportProcess.businessKeysOf(cycle.getId())).count()).isZero();

        runCycleJob(cycle); // the earlier model's "Build the overview"
        Task approval = taskService.createTaskQuery().processInstanceId(cycle.getProcessInstanceId())
                .taskDefinitionKey(ReportingCycleProcess.TASK_APPROVE).singleResult();
        ProcessTestSupport.as(identityService, "coordinator", () -> {
            taskService.complete(approval.getId());
            return null;
        });
        runCycleJob(cycle); // publish
        assertThat(cycleQuery.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.PUBLISHED);
        assertThat(cycleQuery.counts(cycle.getId())).containsEntry(ReportState.ACCEPTED, 12L);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cycle.getProcessInstanceId())
                .count()).isZero();
    }

    private ReportingCycle startCycle() {
        int year = PERIOD.getAndAdd(2);
        LocalDate today = schedule.today();
        ReportingCycle cycle = cycles.start(new CycleRequest("Cikls " + year, year + "-01-01", (year + 1) + "-12-31",
                today.toString(), today.plusDays(20).toString(), today.plusDays(40).toString()), "coordinator");
        // as the code of that time did: the earlier models' expressions read the cycle's id from here
        runtimeService.setVariable(cycle.getProcessInstanceId(), ReportingCycleProcess.VAR_CYCLE_ID, cycle.getId());
        return cycle;
    }

    private void submit(ReportingCycle cycle, ReportRow row) throws Exception {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(
                MeasureReportProcess.businessKey(cycle.getId(), row.measureCode()))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
        ProcessTestSupport.as(identityService, row.institution().toLowerCase(java.util.Locale.ROOT), () -> {
            taskService.complete(task.getId(), CycleFixture.report("SUBSTANTIAL", "Darīts."));
            return null;
        });
    }

    /** Completes the review and runs the earlier model's step after it. */
    private void review(ReportingCycle cycle, ReportRow row, Map<String, Object> decision) throws Exception {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(
                MeasureReportProcess.businessKey(cycle.getId(), row.measureCode()))
                .taskDefinitionKey(MeasureReportProcess.TASK_REVIEW).singleResult();
        ProcessTestSupport.as(identityService, "reviewer", () -> {
            taskService.complete(task.getId(), decision);
            return null;
        });
        Job step = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        assertThat(step).as("the earlier model's step after the review").isNotNull();
        managementService.executeJob(step.getId());
    }

    private void runCycleJob(ReportingCycle cycle) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(
                cycleQuery.find(cycle.getId()).getProcessInstanceId()).messages().list().stream().findFirst()
                .or(() -> managementService.createJobQuery().processInstanceId(cycle.getProcessInstanceId())
                        .timers().list().stream().findFirst())
                .orElseThrow().getId());
    }

    private String definitionOf(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }

    /** The models as they were, which become the latest versions. */
    private void deployEarlier(String... models) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("earlier models");
        for (String model : models) {
            deployment.addClasspathResource("earlier-models/" + model);
        }
        addForms(deployment);
        deployment.deploy();
    }

    /** The current models again, as an upgrade deploys them. */
    private void deployCurrent() throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("current models");
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            deployment.addInputStream(model.getFilename(), model.getInputStream());
        }
        addForms(deployment);
        deployment.deploy();
    }

    private static void addForms(DeploymentBuilder deployment) throws IOException {
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
    }
}
