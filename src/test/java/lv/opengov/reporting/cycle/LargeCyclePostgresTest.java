package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import lv.opengov.reporting.ReportingApplication;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanTable;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cycle of 2,000 measures across 100 institutions on PostgreSQL, in a database of its own, run by the
 * job executor: every report gets its process, called by the cycle, and its task, and no job fails.
 */
@RequiresPostgres
public class LargeCyclePostgresTest {

    private static final Logger log = LoggerFactory.getLogger(LargeCyclePostgresTest.class);
    private static final int INSTITUTIONS = 100;
    private static final int COMMITMENTS = 20;
    private static final int MEASURES_PER_COMMITMENT = 100;

    @Test
    void twoThousandMeasureCycleStartsEveryTaskWithoutIncident() {
        lv.opengov.reporting.support.WorkingDayStart workingDay = null;
        String url = PostgresDatabase.createDatabase("reporting_large");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingApplication.class,
                lv.opengov.reporting.support.TestClockConfig.class).run(
                "--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--server.port=0", "--spring.main.banner-mode=off", "--reporting.seed.plan=false",
                "--reporting.mail.dispatch-initial-delay=PT1H",
                // the job executor runs everything: the invitation's time of day has passed
                "--camunda.bpm.job-execution.enabled=true", "--reporting.cycle.notice-time=00:00")) {
            context.getBean(PlanImportService.class).importTables(largePlan());
            workingDay = lv.opengov.reporting.support.WorkingDayStart.in(context);

            CycleService cycles = context.getBean(CycleService.class);
            CycleQuery cycleQuery = context.getBean(CycleQuery.class);
            LocalDate today = context.getBean(CycleSchedule.class).today();
            long start = System.nanoTime();
            ReportingCycle cycle = cycles.start(new CycleRequest("Liels cikls", "2022-01-01", "2023-12-31",
                    today.toString(), today.plusDays(30).toString(), today.plusDays(60).toString()), "coordinator");

            TaskService tasks = context.getBean(TaskService.class);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> tasks.createTaskQuery().taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT)
                            .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId()))
                            .count() == 2000);
            log.info("2,000 reports opened and their processes started in {} ms",
                    (System.nanoTime() - start) / 1_000_000);

            ReportService reports = context.getBean(ReportService.class);
            assertThat(reports.count(cycle.getId())).isEqualTo(2000);
            RuntimeService runtime = context.getBean(RuntimeService.class);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MeasureReportProcess.KEY)
                    .superProcessInstanceId(cycleQuery.find(cycle.getId()).getProcessInstanceId()).count())
                    .isEqualTo(2000);
            assertThat(runtime.createIncidentQuery().count()).isZero();
            assertThat(context.getBean(ManagementService.class).createJobQuery().withException().count()).isZero();
            assertThat(context.getBean(Outbox.class).list(null, 1000).stream()
                    .filter(m -> m.getTemplate().equals("invitation")).count()).isEqualTo(INSTITUTIONS);
            assertThat(tasks.createTaskQuery().taskCandidateGroup("inst-i042")
                    .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).count()).isEqualTo(20);
        } finally {
            if (workingDay != null) {
                workingDay.close();
            }
        }
    }

    /** 100 institutions, 20 commitments, 2,000 measures spread evenly over the institutions. */
    static Map<PlanTable, byte[]> largePlan() {
        return largePlan(INSTITUTIONS, COMMITMENTS, MEASURES_PER_COMMITMENT);
    }

    /** A plan of the given size, measures spread evenly over the institutions. */
    public static Map<PlanTable, byte[]> largePlan(int institutionCount, int commitmentCount, int perCommitment) {
        StringBuilder institutions = new StringBuilder("code,name_lv,name_en,contact_email,head_email,language\n");
        for (int i = 0; i < institutionCount; i++) {
            String code = String.format("I%03d", i);
            institutions.append(code).append(",Iestāde ").append(i).append(",Institution ").append(i).append(',')
                    .append(code.toLowerCase()).append("@example.org,,lv\n");
        }
        StringBuilder commitments = new StringBuilder("number,ogp_id,title_lv,title_en\n");
        StringBuilder measures = new StringBuilder("code,commitment,title_lv,title_en,responsible,co_responsible\n");
        int n = 0;
        for (int c = 1; c <= commitmentCount; c++) {
            commitments.append(c).append(",,Apņemšanās ").append(c).append(",Commitment ").append(c).append('\n');
            for (int m = 1; m <= perCommitment; m++, n++) {
                measures.append(c).append('.').append(m).append(',').append(c).append(",Pasākums ").append(n)
                        .append(",Measure ").append(n).append(',').append(String.format("I%03d", n % institutionCount))
                        .append(',').append(String.format("I%03d", (n + 1) % institutionCount)).append('\n');
            }
        }
        Map<PlanTable, byte[]> files = new EnumMap<>(PlanTable.class);
        files.put(PlanTable.INSTITUTIONS, institutions.toString().getBytes(StandardCharsets.UTF_8));
        files.put(PlanTable.COMMITMENTS, commitments.toString().getBytes(StandardCharsets.UTF_8));
        files.put(PlanTable.MEASURES, measures.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
