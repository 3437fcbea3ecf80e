package lv.opengov.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import lv.opengov.reporting.ReportingApplication;
import lv.opengov.reporting.cycle.LargeCyclePostgresTest;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The design's start-up target: a cycle of N measures (default 10,000, across N/20 institutions) on
 * PostgreSQL, from opening the reports to the last task, against the bare engine starting N one-task
 * instances, each in its own transaction, in a plain loop. The cycle runs as in production: the job
 * executor, with the application's settings, opens the reports and starts their processes. Prints
 * both times and their ratio; asserts only that every task exists and no job failed.
 *
 * <pre>./mvnw test -Dtest=CycleStartBenchmark -Dbenchmark=true [-Dbenchmark.measures=10000] -DargLine=-Xmx512m</pre>
 */
@RequiresPostgres
@EnabledIfSystemProperty(named = "benchmark", matches = "true",
        disabledReason = "a benchmark, not a test: run it with -Dbenchmark=true (see the class comment)")
class CycleStartBenchmark {

    private static final int MEASURES = Integer.getInteger("benchmark.measures", 10_000);

    @Test
    void cycleStartAgainstTheBareEngine() {
        long bare = bareEngineMillis();
        long cycle = cycleMillis();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%nBENCHMARK measures=%d bare-engine=%d ms cycle=%d ms ratio=%.2f max-heap=%d MiB%n%n",
                MEASURES, bare, cycle, (double) cycle / bare, runtime.maxMemory() / (1024 * 1024));
    }

    private static ConfigurableApplicationContext start(String url, boolean jobExecution) {
        return new SpringApplicationBuilder(ReportingApplication.class).run(
                "--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--server.port=0", "--camunda.bpm.job-execution.enabled=" + jobExecution,
                "--spring.main.banner-mode=off", "--reporting.seed.plan=false",
                "--reporting.mail.dispatch-initial-delay=PT1H", "--logging.level.root=warn");
    }

    private static long bareEngineMillis() {
        try (ConfigurableApplicationContext context = start(PostgresDatabase.createDatabase("bench_bare"), false)) {
            context.getBean(RepositoryService.class).createDeployment()
                    .addModelInstance("one-task.bpmn", Bpmn.createExecutableProcess("one-task")
                            .camundaHistoryTimeToLive(1).startEvent().userTask("task").camundaCandidateGroups("x")
                            .endEvent().done())
                    .deploy();
            RuntimeService runtime = context.getBean(RuntimeService.class);
            long start = System.nanoTime();
            for (int i = 0; i < MEASURES; i++) {
                runtime.startProcessInstanceByKey("one-task", "bench:" + i);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(context.getBean(TaskService.class).createTaskQuery().count()).isEqualTo(MEASURES);
            return millis;
        }
    }

    private static long cycleMillis() {
        try (ConfigurableApplicationContext context = start(PostgresDatabase.createDatabase("bench_cycle"), true)) {
            JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class)
                    .getProcessEngineConfiguration()).getJobExecutor();
            // the benchmark fires the invitation's timer itself, whatever the time of day
            jobExecutor.shutdown();
            context.getBean(PlanImportService.class).importTables(
                    LargeCyclePostgresTest.largePlan(Math.max(1, MEASURES / 20), Math.max(1, MEASURES / 100), 100));
            BenchmarkCycles.startAndInvite(context, "Benchmark");
            TaskService tasks = context.getBean(TaskService.class);
            long start = System.nanoTime();
            // from here the job executor opens the reports, queues the invitations and starts the reports
            jobExecutor.start();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> tasks.createTaskQuery().taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT)
                            .count() == MEASURES);
            long millis = (System.nanoTime() - start) / 1_000_000;
            jobExecutor.shutdown();
            assertThat(context.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey(MeasureReportProcess.KEY).count()).isEqualTo(MEASURES);
            assertThat(context.getBean(RuntimeService.class).createIncidentQuery().count()).isZero();
            assertThat(context.getBean(ManagementService.class).createJobQuery().withException().count()).as("jobs that failed").isZero();
            return millis;
        }
    }
}
