package lv.opengov.reporting.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lv.opengov.reporting.cycle.CycleRequest;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.cycle.ReportingCycleProcess;
import lv.opengov.reporting.evidence.EvidenceFile;
import lv.opengov.reporting.evidence.EvidenceService;
import lv.opengov.reporting.identity.Groups;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Builds cycles in a given state for page and export tests, through the real process. A bean of the
 * test contexts ({@link ReportingTest}), imported rather than scanned, so that the application
 * started on its own never picks it up.
 */
public class CycleFixture {

    private static final AtomicInteger YEAR = new AtomicInteger(1900);

    private final CycleService cycles;
    private final CycleQuery cycleQuery;
    private final CycleSchedule schedule;
    private final ReportService reports;
    private final ManagementService management;
    private final TaskService tasks;
    private final IdentityService identity;
    private final EvidenceService evidence;

    public CycleFixture(CycleService cycles, CycleQuery cycleQuery, CycleSchedule schedule, ReportService reports,
            ManagementService management, TaskService tasks, IdentityService identity, EvidenceService evidence) {
        this.evidence = evidence;
        this.cycles = cycles;
        this.cycleQuery = cycleQuery;
        this.schedule = schedule;
        this.reports = reports;
        this.management = management;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** A cycle whose invitations went out and whose report processes all run. */
    public ReportingCycle openCycle(String name) {
        int year = YEAR.getAndAdd(2);
        LocalDate today = schedule.today();
        ReportingCycle cycle = cycles.start(new CycleRequest(name, year + "-01-01", (year + 1) + "-12-31",
                today.toString(), today.plusDays(20).toString(), today.plusDays(40).toString()), "coordinator");
        for (int step = 0; step < 2; step++) {
            Job job = management.createJobQuery().processInstanceId(cycle.getProcessInstanceId()).singleResult();
            management.executeJob(job.getId());
        }
        startReports(management, cycle.getProcessInstanceId());
        // the job executor may hold some of those jobs still: the cycle is open once none is left
        await().atMost(Duration.ofMinutes(2)).until(() -> management
                .createJobQuery().processInstanceId(cycle.getProcessInstanceId()).messages().count() == 0);
        return cycleQuery.find(cycle.getId());
    }

    /**
     * Runs the jobs with which a cycle's process starts its reports, as the job executor would: one per
     * batch, each starting the batch's measure-report processes.
     */
    public static void startReports(ManagementService management, String cycleInstanceId) {
        management.createJobQuery().processInstanceId(cycleInstanceId)
                .activityId(ReportingCycleProcess.SUBPROCESS_REPORT_BATCH).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    /**
     * Runs what the job executor would for a cycle's reports once they are accepted or withdrawn: the
     * withdrawal's batch jobs and the ends of the reports' processes, which reach the cycle.
     */
    public static void endReports(ManagementService management, String cycleInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = management.createJobQuery().executable().messages().list().stream()
                    .filter(job -> job.getBatchId() != null
                            || cycleInstanceId.equals(job.getRootProcessInstanceId())
                            && !cycleInstanceId.equals(job.getProcessInstanceId()))
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("The jobs of cycle " + cycleInstanceId + "'s reports do not run out");
    }

    /** {@link #endReports(ManagementService, String)} for the given cycle. */
    public void endReports(ReportingCycle cycle) {
        endReports(management, cycle.getProcessInstanceId());
    }

    public void submit(ReportingCycle cycle, String code, String user, Map<String, Object> values) throws Exception {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), code))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
        ProcessTestSupport.completeAs(identity, tasks, user, task.getId(), values);
    }

    public void review(ReportingCycle cycle, String code, Map<String, Object> decision) throws Exception {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), code))
                .taskDefinitionKey(MeasureReportProcess.TASK_REVIEW).singleResult();
        ProcessTestSupport.completeAs(identity, tasks, "reviewer", task.getId(), decision);
        for (Job job : management.createJobQuery().processInstanceId(task.getProcessInstanceId()).list()) {
            management.executeJob(job.getId());
        }
    }

    /** Runs the jobs of the cycle's own process that are due now by the engine's clock. */
    public void runDueJobs(ReportingCycle cycle) {
        for (Job job : management.createJobQuery().processInstanceId(cycle.getProcessInstanceId()).executable()
                .list()) {
            management.executeJob(job.getId());
        }
    }

    /** Closes the cycle as it stands, approves the consolidation and publishes it. */
    public ReportingCycle publish(ReportingCycle cycle) {
        cycles.close(cycle.getId());
        management.executeJob(management.createJobQuery().processInstanceId(cycle.getProcessInstanceId())
                .singleResult().getId());
        endReports(management, cycle.getProcessInstanceId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(cycle.getProcessInstanceId()).singleResult().getId());
        management.executeJob(management.createJobQuery().processInstanceId(cycle.getProcessInstanceId())
                .singleResult().getId());
        return cycleQuery.find(cycle.getId());
    }

    /** The id of the cycle's report on the measure. */
    public Long reportId(ReportingCycle cycle, String code) {
        return reports.rows(cycle.getId()).stream().filter(r -> r.measureCode().equals(code)).findFirst()
                .orElseThrow().reportId();
    }

    /** Attaches a file to the report as the demo user would on the evidence page. */
    public EvidenceFile attach(Long reportId, String user, String name, byte[] content, boolean publicFile) {
        return asUser(user, () -> evidence.attach(reportId, name, new java.io.ByteArrayInputStream(content),
                publicFile));
    }

    /**
     * Runs the code as the user of a request to the project's pages would: logged in with the user's
     * groups (the engine's memberships) as authorities.
     */
    public <T> T asUser(String user, java.util.function.Supplier<T> code) {
        var authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> new SimpleGrantedAuthority(Groups.AUTHORITY_PREFIX + g.getId())).toList();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return code.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static Map<String, Object> report(String completion, String progress) {
        return Map.of("completion", completion, "progress", progress,
                "challenges", "Ierobežoti resursi; ā č ē ģ ī ķ ļ ņ š ū ž", "nextSteps", "Turpināt darbu.",
                "fundsSpentEur", 1500, "evidenceLinks", "https://www.mk.gov.lv/lv/atverta-parvaldiba");
    }
}
