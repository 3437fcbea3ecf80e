package lv.opengov.reporting.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import lv.opengov.reporting.support.ReportingTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A model written in working days: the engine's timers and due dates count Latvian working days. */
@ReportingTest
class WorkingDayBusinessCalendarTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void timersAndDueDatesCountWorkingDays() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("working-day-example")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Answer").camundaDueDate("workingdays:2").camundaFollowUpDate("workingdays:0")
                .boundaryEvent("Timer_Remind").cancelActivity(false).timerWithDuration("workingdays:1")
                .endEvent()
                .moveToActivity("Task_Answer").endEvent()
                .done();
        repositoryService.createDeployment().addModelInstance("working-day-example.bpmn", model).deploy();

        // Thursday 17 April 2025, 15:00 in Riga: Good Friday and Easter Monday follow the weekend
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-04-17T12:00:00Z")));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("working-day-example");
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2025-04-23T06:00:00Z"));
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2025-04-17T06:00:00Z"));
        Date timer = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getDuedate();
        assertThat(timer.toInstant()).isEqualTo(Instant.parse("2025-04-22T06:00:00Z"));
        runtimeService.deleteProcessInstance(instance.getId(), "test done");
    }

    @Test
    void camundasOwnDurationsKeepTheirMeaning() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-04-17T12:00:00Z")));
        var calendars = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration()).getBusinessCalendarManager();
        assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("PT2H").toInstant())
                .isEqualTo(Instant.parse("2025-04-17T14:00:00Z"));
    }
}
