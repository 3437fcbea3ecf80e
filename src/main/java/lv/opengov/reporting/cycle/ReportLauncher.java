package lv.opengov.reporting.cycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lv.opengov.reporting.report.MeasureReport;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportTaskForms;
import lv.opengov.reporting.report.ReportTaskNames;
import lv.opengov.reporting.plan.Institution;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.annotation.PreDestroy;

/**
 * Starts one measure-report process per opened report, each in a transaction of its own, on a
 * thread of its own: a cycle of ten thousand measures is ten thousand small transactions, not one
 * giant one, and no two of them touch the same rows. The transaction in which a report's process is
 * started records the instance only if none is recorded yet (a conditional update; otherwise the
 * start is rolled back), so a report is launched once even when the regular sweep (which picks up
 * whatever a crash left behind) runs at the same time.
 */
@Component
class ReportLauncher {

    private static final Logger log = LoggerFactory.getLogger(ReportLauncher.class);

    private final ReportService reports;
    private final CycleService cycles;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "report-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private final CycleSchedule schedule;

    ReportLauncher(ReportService reports, CycleService cycles, CycleSchedule schedule, RuntimeService runtimeService,
            PlatformTransactionManager transactionManager) {
        this.reports = reports;
        this.schedule = schedule;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onReportsOpened(CycleService.ReportsOpened event) {
        executor.execute(() -> launchAll(event.cycleId()));
    }

    @Scheduled(fixedDelayString = "${reporting.cycle.launch-sweep-interval:PT1M}",
            initialDelayString = "${reporting.cycle.launch-sweep-initial-delay:PT20S}")
    public void sweep() {
        cycles.collecting().forEach(cycle -> executor.execute(() -> launchAll(cycle.getId())));
    }

    /** @return how many processes this call started */
    int launchAll(Long cycleId) {
        List<Long> pending = reports.unlaunchedIds(cycleId);
        if (pending.isEmpty()) {
            return 0;
        }
        ReportingCycle cycle = cycles.find(cycleId);
        // one read of every report's measure and institution, rather than one per report
        Map<Long, ReportRow> rows = new HashMap<>();
        reports.rows(cycleId).forEach(row -> rows.put(row.reportId(), row));
        Map<String, MeasureReport> previous = reports.previousAccepted(cycleId);
        followUps.clear();
        int started = 0;
        for (Long reportId : pending) {
            try {
                ReportRow row = rows.get(reportId);
                Boolean launched = transaction.execute(status -> launch(cycle, row, previous.get(row.measureCode()),
                        status));
                if (Boolean.TRUE.equals(launched)) {
                    started++;
                }
            } catch (RuntimeException e) {
                log.error("Could not start the report process of report {} in cycle {}; the sweep will try again",
                        reportId, cycleId, e);
            }
        }
        log.info("Started {} measure-report processes for cycle {}", started, cycleId);
        return started;
    }

    private boolean launch(ReportingCycle cycle, ReportRow row, MeasureReport previous,
            org.springframework.transaction.TransactionStatus status) {
        Long reportId = row.reportId();
        // the process finds its report by its business key; what its first task needs, the previous
        // cycle's answers included, travels along unstored: the process keeps no variable at all
        VariableMap variables = Variables.createVariables()
                .putValueTyped(ReportTasks.GROUP, Variables.stringValue(
                        Institution.groupIdFor(row.institution()), true))
                .putValueTyped(ReportTasks.DUE, Variables.dateValue(
                        schedule.at(row.dueDate()), true))
                .putValueTyped(ReportTasks.FOLLOW_UP, Variables.dateValue(
                        followUp(cycle, row), true))
                .putValueTyped(ReportTaskNames.NAME, Variables.stringValue(
                        ReportTaskNames.submitName(row), true));
        if (previous != null) {
            variables.putAll(ReportTaskForms.carryForward(previous));
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MeasureReportProcess.KEY,
                MeasureReportProcess.businessKey(cycle.getId(), row.measureCode()), variables);
        // records the instance unless another launcher was first; then this start is rolled back
        if (!reports.recordLaunch(reportId, instance.getId())) {
            status.setRollbackOnly();
            return false;
        }
        return true;
    }

    /** The follow-up date by deadline: a cycle's reports share a handful of deadlines. */
    private final Map<java.time.LocalDate, java.util.Optional<java.util.Date>> followUps =
            new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.Date followUp(ReportingCycle cycle, ReportRow row) {
        return followUps.computeIfAbsent(row.dueDate(), due -> schedule.reminderDates(due, cycle.getInvitationDate())
                .stream().findFirst().map(schedule::at)).orElse(null);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
