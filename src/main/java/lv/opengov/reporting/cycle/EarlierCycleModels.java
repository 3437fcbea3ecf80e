package lv.opengov.reporting.cycle;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cycles started on an earlier version of the reporting-cycle model, which left starting the reports
 * to code that is gone, and that have not opened their reports yet: at start-up they are moved to the
 * current version, where the cycle calls its reports itself. Cycles past their opening keep their
 * version: their reports' processes run on their own, and every bean their models name is still there
 * ({@code buildOverviewDelegate}, and in the report module {@code reportAcceptedDelegate} and
 * {@code returnNotificationDelegate}). On two nodes the second finds nothing left to move.
 */
@Component
class EarlierCycleModels {

    private static final Logger log = LoggerFactory.getLogger(EarlierCycleModels.class);

    /** Where a cycle waits before it opens its reports. */
    private static final String[] BEFORE_OPENING = {ReportingCycleProcess.TIMER_INVITATION,
            ReportingCycleProcess.ACTIVITY_OPEN_REPORTS};

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    EarlierCycleModels(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void moveUnopenedCycles() {
        ProcessDefinition current = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ReportingCycleProcess.KEY).latestVersion().singleResult();
        if (current == null || !callsReports(current)) {
            return;
        }
        for (ProcessDefinition earlier : repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ReportingCycleProcess.KEY).list()) {
            if (earlier.getVersion() >= current.getVersion() || callsReports(earlier)) {
                continue;
            }
            List<String> waiting = runtimeService.createProcessInstanceQuery().processDefinitionId(earlier.getId())
                    .activityIdIn(BEFORE_OPENING).list().stream().map(ProcessInstance::getId).toList();
            if (waiting.isEmpty()) {
                continue;
            }
            try {
                MigrationPlan plan = runtimeService.createMigrationPlan(earlier.getId(), current.getId())
                        .mapEqualActivities().build();
                runtimeService.newMigration(plan).processInstanceIds(waiting).execute();
                log.info("Moved {} cycle(s) not yet opened from version {} to version {} of {}", waiting.size(),
                        earlier.getVersion(), current.getVersion(), ReportingCycleProcess.KEY);
            } catch (RuntimeException e) {
                log.warn("Could not move the cycles {} to version {} of {}; move them with the engine's migration API", waiting,
                        current.getVersion(), ReportingCycleProcess.KEY, e);
            }
        }
    }

    /** Whether the model's cycle calls its reports (the current design) rather than leaving them to code. */
    private boolean callsReports(ProcessDefinition definition) {
        return repositoryService.getBpmnModelInstance(definition.getId())
                .getModelElementById(ReportingCycleProcess.ACTIVITY_MEASURE_REPORT) != null;
    }
}
