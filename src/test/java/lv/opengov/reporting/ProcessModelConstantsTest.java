package lv.opengov.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lv.opengov.reporting.cycle.ReportingCycleProcess;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.report.MeasureReportProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each process's constants holder names what its model has: the process key, and every task,
 * activity, timer, gateway, event and message constant an element or message of the model. A
 * constant left behind by a change to the model fails here, not in a running cycle.
 */
class ProcessModelConstantsTest {

    private static final List<String> ELEMENT_PREFIXES = List.of("TASK_", "ACTIVITY_", "TIMER_", "END_", "START_",
            "GATEWAY_", "SUBPROCESS_", "BOUNDARY_", "EVENT_");

    @TestFactory
    Stream<DynamicTest> everyConstantNamesSomethingInItsModel() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        tests.addAll(check(ReportingCycleProcess.class, "bpmn/reporting-cycle.bpmn"));
        tests.addAll(check(MeasureReportProcess.class, "bpmn/measure-report.bpmn"));
        tests.addAll(check(PlanRefreshProcess.class, "bpmn/plan-refresh.bpmn"));
        return tests.stream();
    }

    private static List<DynamicTest> check(Class<?> holder, String resource) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = ProcessModelConstantsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String name = field.getName();
            String value = (String) field.get(null);
            String label = holder.getSimpleName() + "." + name + " = " + value;
            if (name.equals("KEY")) {
                tests.add(DynamicTest.dynamicTest(label, () -> assertThat(
                        model.getModelElementsByType(Process.class)).extracting(Process::getId).contains(value)));
            } else if (name.startsWith("MESSAGE_")) {
                tests.add(DynamicTest.dynamicTest(label, () -> assertThat(
                        model.getModelElementsByType(Message.class)).extracting(Message::getName).contains(value)));
            } else if (ELEMENT_PREFIXES.stream().anyMatch(name::startsWith)) {
                tests.add(DynamicTest.dynamicTest(label, () -> assertThat(
                        model.<FlowElement>getModelElementById(value)).as("an element with the id " + value)
                        .isNotNull()));
            }
        }
        assertThat(tests).as("constants of " + holder.getSimpleName()).isNotEmpty();
        return tests;
    }
}
