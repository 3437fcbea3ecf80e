package lv.opengov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lv.opengov.reporting.support.ReportingTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist and Cockpit show the processes' and tasks' names as the models give them, in any language:
 * each carries its Latvian name before the English.
 */
@ReportingTest
class ProcessNamesTest {

    @Autowired
    RepositoryService repositoryService;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "measure-report|Pasākuma atskaite / Measure report",
            "reporting-cycle|Ziņošanas cikls / Reporting cycle",
            "plan-refresh|Plāna atjaunošana / Plan refresh"})
    void processAndItsUserTasksHaveLatvianAndEnglishNames(String key, String name) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        assertThat(definition.getName()).isEqualTo(name);
        List<String> tasks = repositoryService.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(UserTask.class).stream().map(UserTask::getName).toList();
        assertThat(tasks).isNotEmpty().allSatisfy(task -> assertThat(task).matches("[^/]+ / [^/]+")
                .doesNotStartWith("Submit").doesNotStartWith("Review").doesNotStartWith("Approve"));
    }
}
