package lv.opengov.reporting.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The measure-report processes of a cycle as a whole. */
@Component
public class ReportProcesses {

    private final ReportService reports;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    /** By process definition: whether its model ends a report on the withdrawal message. */
    private final Map<String, Boolean> withdrawable = new ConcurrentHashMap<>();

    ReportProcesses(ReportService reports, RuntimeService runtimeService, RepositoryService repositoryService) {
        this.reports = reports;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /**
     * Withdraws the cycle's reports that were not accepted from their institutions: their processes
     * end at the model's withdrawal end, each in a job of its own (a batch that Cockpit shows), so that
     * withdrawing ten thousand reports is not one transaction, and each ending reaches the cycle in a
     * retried job of its own. Reports whose process has not started get none. The processes of the
     * model's earlier version, which has no such end, are removed, as they were then. The reports
     * themselves stay as they are: recorded as missing.
     */
    @Transactional
    public void withdrawOpen(Long cycleId) {
        // first the reports: this waits for each report's process starting now, which is then among the
        // running below; a start that comes later finds its report withdrawn and fails, and its batch
        // runs again without it
        reports.withdrawOpen(cycleId);
        Set<String> open = reports.rows(cycleId).stream()
                .filter(row -> row.state() != ReportState.ACCEPTED && row.processInstanceId() != null)
                .map(ReportRow::processInstanceId)
                .collect(Collectors.toSet());
        if (open.isEmpty()) {
            return;
        }
        List<String> ending = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(MeasureReportProcess.KEY)
                .processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycleId)).list()) {
            if (open.contains(instance.getId())) {
                (endsOnWithdrawal(instance.getProcessDefinitionId()) ? ending : removed).add(instance.getId());
            }
        }
        String reason = "Cycle " + cycleId + " closed";
        if (!ending.isEmpty()) {
            runtimeService.createMessageCorrelationAsync(MeasureReportProcess.MESSAGE_WITHDRAWN)
                    .processInstanceIds(ending)
                    .correlateAllAsync();
        }
        if (!removed.isEmpty()) {
            runtimeService.deleteProcessInstancesAsync(removed, null, reason, true, true);
        }
    }

    private boolean endsOnWithdrawal(String processDefinitionId) {
        return withdrawable.computeIfAbsent(processDefinitionId, id -> repositoryService.getBpmnModelInstance(id)
                .getModelElementsByType(Message.class).stream()
                .anyMatch(message -> MeasureReportProcess.MESSAGE_WITHDRAWN.equals(message.getName())));
    }
}
