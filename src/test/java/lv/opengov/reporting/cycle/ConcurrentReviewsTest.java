package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ProcessTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reviewers working side by side, with the job executor running as in production: every review of a
 * cycle completes at once from its own thread, the last of them included, and none fails on another;
 * each report's end reaches the cycle in a job of its own, one at a time, so that no job fails even
 * once on a conflict; the cycle moves on once.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        // counts every failed attempt of a job, also one retried with success
        "camunda.bpm.metrics.enabled=true",
        "camunda.bpm.metrics.db-reporter-activate=true",
        // the invitation goes out at once: its time of day has passed
        "reporting.cycle.notice-time=00:00"})
@ActiveProfiles({"demo", "test"})
@org.springframework.context.annotation.Import(lv.opengov.reporting.support.TestClockConfig.class)
class ConcurrentReviewsTest {

    @Autowired
    CycleService cycles;

    @Autowired
    CycleQuery cycleQuery;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void everyReviewCompletesAtOnceWithoutFailingOnAnother() throws Exception {
        try (var workingDay = lv.opengov.reporting.support.WorkingDayStart.in(context)) {
            reviewAtOnce();
        }
    }

    private void reviewAtOnce() throws Exception {
        LocalDate today = schedule.today();
        ReportingCycle cycle = cycles.start(new CycleRequest("Vienlaicīgi izvērtējumi", "1940-01-01", "1941-12-31",
                today.toString(), today.plusDays(20).toString(), today.plusDays(40).toString()), "coordinator");
        String reports = MeasureReportProcess.businessKeysOf(cycle.getId());
        await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKeyLike(reports).taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT)
                .count() == 12);
        for (ReportRow row : cycleQuery.rows(cycle.getId(), null)) {
            Task task = taskService.createTaskQuery()
                    .processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), row.measureCode()))
                    .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
            ProcessTestSupport.as(identityService, row.institution().toLowerCase(java.util.Locale.ROOT), () -> {
                taskService.complete(task.getId(), CycleFixture.report("COMPLETE", "Paveikts."));
                return null;
            });
        }
        List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKeyLike(reports)
                .taskDefinitionKey(MeasureReportProcess.TASK_REVIEW).list();
        assertThat(reviews).hasSize(12);

        ExecutorService reviewers = Executors.newFixedThreadPool(reviews.size());
        CountDownLatch ready = new CountDownLatch(reviews.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        try {
            for (Task review : reviews) {
                done.add(reviewers.submit(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        ProcessTestSupport.as(identityService, "reviewer", () -> {
                            taskService.complete(review.getId(), Map.of("decision", "ACCEPT"));
                            return null;
                        });
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> review : done) {
                review.get();
            }
        } finally {
            reviewers.shutdown();
        }
        assertThat(failures).isEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceId(cycle.getProcessInstanceId()).taskDefinitionKey(ReportingCycleProcess.TASK_APPROVE)
                .count() == 1);
        assertThat(cycleQuery.counts(cycle.getId())).containsEntry(ReportState.ACCEPTED, 12L);
        assertThat(cycleQuery.find(cycle.getId()).getStatus()).isEqualTo(CycleStatus.AWAITING_APPROVAL);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(reports).count())
                .isZero();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        managementService.reportDbMetricsNow();
        assertThat(managementService.createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum()).isPositive();
        assertThat(managementService.createMetricsQuery().name(Metrics.JOB_FAILED).sum())
                .as("job attempts that failed").isZero();
    }
}
