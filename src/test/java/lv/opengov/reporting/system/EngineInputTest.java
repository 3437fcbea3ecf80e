package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportRevision;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.WebSession;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile submissions of an institution's report task, through the engine's REST API (complete and
 * submit-form) and through Tasklist's own engine API: each is refused with 400 and a message in the
 * caller's language naming the field, the task stays open, nothing is stored, and no answer is a
 * server error or shows the code behind it. Text that is merely unusual (markup, template or SQL
 * syntax) is kept exactly as written and never evaluated.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineInputTest {

    @LocalServerPort
    int port;

    @Autowired
    CycleFixture fixture;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ReportService reports;

    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    private ReportingCycle cycle;

    @BeforeAll
    void openCycle() {
        cycle = fixture.openCycle("Naidīgi dati");
    }

    record Case(String name, String body, String field) {
    }

    private static String variables(String... pairs) {
        StringBuilder json = new StringBuilder("{\"variables\":{");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":").append(pairs[i + 1]);
        }
        return json.append("}}").toString();
    }

    private static String text(String value) {
        return "{\"value\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(value) + ",\"type\":\"String\"}";
    }

    private static final String GOOD_COMPLETION = text("SUBSTANTIAL");
    private static final String GOOD_PROGRESS = text("Notika 10 mācības.");

    static List<Case> cases() {
        return List.of(
                new Case("unknown completion", variables("completion", text("MAYBE"), "progress", GOOD_PROGRESS),
                        "completion"),
                new Case("completion as a number", variables("completion", "{\"value\":5,\"type\":\"Integer\"}",
                        "progress", GOOD_PROGRESS), "completion"),
                // emptied rather than left out: a field left out keeps the form's value, and the form
                // opens with the answers a report accepted in an earlier cycle
                new Case("progress emptied", variables("completion", GOOD_COMPLETION, "progress", text("")),
                        "progress"),
                new Case("progress of 1 MB", variables("completion", GOOD_COMPLETION, "progress",
                        text("x".repeat(1024 * 1024))), "progress"),
                new Case("progress as a number", variables("completion", GOOD_COMPLETION, "progress",
                        "{\"value\":123,\"type\":\"Integer\"}"), "progress"),
                new Case("negative funds", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "fundsSpentEur", "{\"value\":-1,\"type\":\"Double\"}"), "fundsSpentEur"),
                new Case("NaN funds", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "fundsSpentEur", "{\"value\":\"NaN\",\"type\":\"Double\"}"), "fundsSpentEur"),
                new Case("infinite funds", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "fundsSpentEur", "{\"value\":1e400,\"type\":\"Double\"}"), "fundsSpentEur"),
                new Case("funds past a long", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "fundsSpentEur", "{\"value\":9223372036854775808,\"type\":\"Long\"}"), "fundsSpentEur"),
                new Case("a javascript: link", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "evidenceLinks", text("javascript:alert(1)")), "evidenceLinks"),
                new Case("a data: link", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "evidenceLinks", text("data:text/html,<script>alert(1)</script>")), "evidenceLinks"),
                new Case("a file: link", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "evidenceLinks", text("file:///etc/passwd")), "evidenceLinks"),
                new Case("an expression as a variable name", variables("completion", GOOD_COMPLETION, "progress",
                        GOOD_PROGRESS, "\\u0024{7*7}", text("x")), "${7*7}"),
                new Case("the review's decision", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "decision", text("ACCEPT")), "decision"),
                new Case("the task's group", variables("completion", GOOD_COMPLETION, "progress", GOOD_PROGRESS,
                        "taskGroup", text("inst-vas")), "taskGroup"),
                new Case("not JSON", "{\"variables\": {", "body"),
                new Case("an impossible date as progress", variables("completion", GOOD_COMPLETION, "progress",
                        "{\"value\":\"2026-02-30T00:00:00.000+0000\",\"type\":\"Date\"}"), "progress"));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileSubmissionIsRefusedWithAMessageAndChangesNothing() throws Exception {
        WebSession basic = WebSession.anonymous(port);
        WebSession tasklist = WebSession.login(port, "vk");
        String camundaCsrf = tasklist.camundaCsrf();
        Task task = vkTask();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (String language : List.of("lv", "en")) {
                tests.add(DynamicTest.dynamicTest("complete: " + c.name() + " (" + language + ")", () -> refused(
                        basic.post("/engine-rest/task/" + task.getId() + "/complete", c.body(),
                                "Authorization", WebSession.basic("vk", "vk"), "Accept-Language", language),
                        c, language, task)));
                tests.add(DynamicTest.dynamicTest("submit-form: " + c.name() + " (" + language + ")", () -> refused(
                        basic.post("/engine-rest/task/" + task.getId() + "/submit-form", c.body(),
                                "Authorization", WebSession.basic("vk", "vk"), "Accept-Language", language),
                        c, language, task)));
                tests.add(DynamicTest.dynamicTest("Tasklist: " + c.name() + " (" + language + ")", () -> refused(
                        tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                                c.body(), "X-XSRF-TOKEN", camundaCsrf, "Accept-Language", language),
                        c, language, task)));
            }
        }
        return tests.stream();
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Task task = vkTask();
        byte[] body = "{\"variables\":{\"progress\":{\"value\":\"Xx\",\"type\":\"String\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        body[body.length - 25] = (byte) 0xC3;
        body[body.length - 24] = (byte) 0x28;
        HttpResponse<String> response = WebSession.anonymous(port).post("/engine-rest/task/" + task.getId()
                + "/complete", body, "Authorization", WebSession.basic("vk", "vk"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertClean(response);
        assertUnchanged(task);
    }

    @Test
    void textIsKeptAsWrittenAndNeverEvaluatedAndASecondSubmissionIsRefused() throws Exception {
        Task task = vkTask();
        String written = "<script>alert(1)</script> ${7*7} #{7*7} [[${7*7}]] *{x} ' OR 1=1 -- ; DROP TABLE x;";
        String body = variables("completion", GOOD_COMPLETION, "progress", text(written), "challenges",
                text("\"quoted\" \\ back\\slash"));
        WebSession client = WebSession.anonymous(port);
        HttpResponse<String> first = client.post("/engine-rest/task/" + task.getId() + "/complete", body,
                "Authorization", WebSession.basic("vk", "vk"));
        assertThat(first.statusCode()).isEqualTo(204);
        Long reportId = reports.forProcessInstance(task.getProcessInstanceId()).getId();
        List<ReportRevision> revisions = reports.revisions(reportId);
        assertThat(revisions).singleElement().satisfies(r -> assertThat(r.getAnswers().getProgress()).isEqualTo(written));
        HttpResponse<String> again = client.post("/engine-rest/task/" + task.getId() + "/complete", body,
                "Authorization", WebSession.basic("vk", "vk"));
        assertThat(again.statusCode()).isBetween(400, 499);
        assertClean(again);
        assertThat(reports.revisions(reportId)).hasSize(1);
    }

    @Test
    void aTaskIsClaimedOnlyForOneself() throws Exception {
        Task task = vkTask();
        WebSession client = WebSession.anonymous(port);
        HttpResponse<String> forOther = client.post("/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"vas\"}", "Authorization", WebSession.basic("vk", "vk"));
        assertThat(forOther.statusCode()).isEqualTo(400);
        assertThat(forOther.body()).contains("userId");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        HttpResponse<String> forSelf = client.post("/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"vk\"}", "Authorization", WebSession.basic("vk", "vk"));
        assertThat(forSelf.statusCode()).isEqualTo(204);
        taskService.setAssignee(task.getId(), null);
    }

    @Test
    void noJobIsLeftWithoutRetriesByHand() throws Exception {
        String timer = managementService.createJobQuery().processInstanceId(cycle.getProcessInstanceId()).timers()
                .list().get(0).getId();
        WebSession client = WebSession.anonymous(port);
        HttpResponse<String> none = client.put("/engine-rest/job/" + timer + "/retries", "{\"retries\":0}",
                "Authorization", WebSession.basic("coordinator", "coordinator"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(managementService.createJobQuery().jobId(timer).singleResult().getRetries()).isPositive();
        HttpResponse<String> asText = client.put("/engine-rest/job/" + timer + "/retries", "{\"retries\":\"0\"}",
                "Authorization", WebSession.basic("coordinator", "coordinator"));
        assertThat(asText.statusCode()).isEqualTo(400);
        HttpResponse<String> some = client.put("/engine-rest/job/" + timer + "/retries", "{\"retries\":3}",
                "Authorization", WebSession.basic("coordinator", "coordinator"));
        assertThat(some.statusCode()).isEqualTo(204);
    }

    @Test
    void aTaskThatIsNotThereIsNotFound() throws Exception {
        HttpResponse<String> gone = WebSession.anonymous(port).get("/engine-rest/task/does-not-exist/variables",
                "Authorization", WebSession.basic("vk", "vk"));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertClean(gone);
    }

    @Test
    void aConditionNoProcessWatchesIsABadRequest() throws Exception {
        HttpResponse<String> condition = WebSession.anonymous(port).post("/engine-rest/condition", "{}",
                "Authorization", WebSession.basic("vk", "vk"));
        assertThat(condition.statusCode()).isEqualTo(400);
        assertClean(condition);
    }

    @Test
    void aCycleStartedThroughTheEngineWithoutItsDatesIsABadRequestNamingThem() throws Exception {
        HttpResponse<String> start = WebSession.anonymous(port).post("/engine-rest/process-definition/key/reporting-cycle/start",
                variables("name", text("Tikai nosaukums")), "Authorization",
                WebSession.basic("coordinator", "coordinator"), "Accept-Language", "en");
        assertThat(start.statusCode()).isEqualTo(400);
        assertThat(start.body()).contains("periodFrom");
        assertClean(start);
    }

    @Test
    void anEncodedLetterInTheProcessKeyIsReadAsTheEngineReadsIt() throws Exception {
        HttpResponse<String> encoded = WebSession.anonymous(port).post("/engine-rest/process-definition/key/reporting-cycl%65/start",
                variables("name", text("Nosaukums"), "cycleId", "{\"value\":1,\"type\":\"Long\"}"),
                "Authorization", WebSession.basic("coordinator", "coordinator"));
        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(encoded.body()).contains("cycleId");
    }

    @Test
    void noPasswordIsCheckedPastTheLoginThrottle() throws Exception {
        HttpResponse<String> verify = WebSession.anonymous(port).post("/engine-rest/identity/verify",
                "{\"username\":\"admin\",\"password\":\"guess\"}", "Authorization", WebSession.basic("vk", "vk"));
        assertThat(verify.statusCode()).isEqualTo(403);
    }

    private void refused(HttpResponse<String> response, Case c, String language, Task task) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
        assertClean(response);
        assertThat(response.body()).as("names the field").contains(c.field().replace("\\u0024", "$"));
        if (!c.field().equals("body")) {
            assertThat(response.body()).as("in the caller's language: " + language)
                    .matches(s -> "en".equals(language) ? !s.matches("(?s).*(ā|ē|ī|ū|š|ž|Nekas).*")
                            : s.matches("(?s).*(ā|ē|ī|ū|š|ž|Nekas|Norādiet|nav).*"), language);
        }
        assertUnchanged(task);
    }

    private void assertClean(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception while invoking").doesNotContain("java.")
                .doesNotContain("\tat ").doesNotContain("49");
    }

    private void assertUnchanged(Task task) {
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        Long reportId = reports.forProcessInstance(task.getProcessInstanceId()).getId();
        assertThat(reports.revisions(reportId)).isEmpty();
        assertThat(runtimeService.getVariables(task.getProcessInstanceId())).isEmpty();
    }

    private Task vkTask() {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(MeasureReportProcess.businessKeysOf(cycle.getId()))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).taskCandidateGroup("inst-vk")
                .orderByTaskId().asc().list().stream()
                .filter(t -> reports.revisions(reports.forProcessInstance(t.getProcessInstanceId()).getId()).isEmpty())
                .findFirst().orElseThrow();
    }
}
