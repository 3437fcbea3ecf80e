package lv.opengov.reporting.support;

import java.time.LocalDate;
import java.util.Map;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.refresh.RefreshQuery;
import lv.opengov.reporting.refresh.RefreshService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Brings plan refreshes to a given state for the tests, through the real process, as the coordinator.
 * Imported by the test contexts ({@link ReportingTest}), not scanned.
 */
public class RefreshFixture {

    private final RefreshService refreshes;
    private final RefreshQuery query;
    private final ServiceZone zone;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final TestClock clock;

    public RefreshFixture(RefreshService refreshes, RefreshQuery query, ServiceZone zone, TaskService tasks,
            ManagementService management, IdentityService identity, TestClock clock) {
        this.refreshes = refreshes;
        this.query = query;
        this.zone = zone;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.clock = clock;
    }

    /** A refresh whose schedule is published, co-creation not yet open. */
    public PlanRefresh scheduled(LocalDate coCreationStart, LocalDate coCreationEnd, LocalDate ogpDeadline)
            throws Exception {
        PlanRefresh refresh = refreshes.start(new RefreshService.RefreshRequest(coCreationStart.toString(),
                coCreationEnd.toString(), ogpDeadline.toString()), "coordinator");
        complete(refresh.getId(), PlanRefreshProcess.TASK_SCHEDULE, Map.of("schedule", "Grafiks: 12. maijā sanāksme."));
        runDueJobs(refresh.getId());
        return query.find(refresh.getId());
    }

    /** A refresh whose co-creation is open: the clock moved an hour into its first day. */
    public PlanRefresh collectingOpinions(LocalDate coCreationStart, LocalDate coCreationEnd, LocalDate ogpDeadline)
            throws Exception {
        PlanRefresh refresh = scheduled(coCreationStart, coCreationEnd, ogpDeadline);
        clock.moveTo(zone.startOf(coCreationStart).plusSeconds(3600));
        return refresh;
    }

    /** Completes the refresh's open task of the given key as the coordinator. */
    public void complete(Long refreshId, String taskKey, Map<String, Object> variables) throws Exception {
        String task = tasks.createTaskQuery().processInstanceId(query.find(refreshId).getProcessInstanceId())
                .taskDefinitionKey(taskKey).singleResult().getId();
        ProcessTestSupport.completeAs(identity, tasks, "coordinator", task, variables);
    }

    /** Runs the refresh's jobs that are due by the test clock. */
    public void runDueJobs(Long refreshId) {
        String instance = query.find(refreshId).getProcessInstanceId();
        for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
            if (job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(clock.instant())) {
                management.executeJob(job.getId());
            }
        }
    }
}
