package lv.opengov.reporting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.cycle.ReportingCycleProcess;
import lv.opengov.reporting.identity.LoginThrottle;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.refresh.RefreshService;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.support.Browser;
import lv.opengov.reporting.support.BrowserApplication;
import lv.opengov.reporting.support.CycleFixture;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every form of the three processes as Tasklist renders it for a browser that prefers Latvian: each
 * user task's form (of a report, a contribution, a review, the follow-up, the approval and the four
 * steps of a refresh) and both start forms, each with its Latvian labels and its values filled in, and
 * no template left unfilled. The tasks are made through the engine's API; one administrator's session
 * opens them all, as it may read every task. Screenshots go to target/screenshots.
 */
@BrowserApplication
class TasklistFormsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CycleFixture fixture;

    @Autowired
    CycleService cycles;

    @Autowired
    RefreshService refreshes;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    ServiceZone zone;

    @Autowired
    LoginThrottle throttle;

    @BeforeEach
    void noBlocksFromOtherTests() {
        throttle.lift(null, null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void everyFormRendersInLatvian() throws Exception {
        // the tasks, and for each what its form must show
        Map<String, String[]> forms = new LinkedHashMap<>();
        ReportingCycle cycle = fixture.openCycle("Veidlapas latviski");
        String key12 = MeasureReportProcess.businessKey(cycle.getId(), "1.2");
        forms.put(task(key12, MeasureReportProcess.TASK_SUBMIT), new String[] {"submit-report",
            "Izpildes pakāpe", "1.2 ", "Apņemšanās / Commitment 1"});
        forms.put(tasks.createTaskQuery().processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "3.1"))
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).taskCandidateGroup("inst-tm").singleResult().getId(),
                new String[] {"contribute-report", "Kas paveikts", "3.1 Nozaru sadarbības partneru", "Termiņš / Deadline"});
        fixture.submit(cycle, "1.3", "vas", CycleFixture.report("SUBSTANTIAL", "Notikušas 12 mācības."));
        forms.put(task(MeasureReportProcess.businessKey(cycle.getId(), "1.3"), MeasureReportProcess.TASK_REVIEW),
                new String[] {"review-report", "Lēmums", "Būtiska / Substantial", "Pirmais iesniegums"});
        // the follow-up as the legal deadline brings it, placed in the cycle's collection at once
        runtime.createProcessInstanceModification(cycle.getProcessInstanceId())
                .startBeforeActivity(ReportingCycleProcess.TASK_FOLLOW_UP).execute();
        forms.put(taskOf(cycle.getProcessInstanceId(), ReportingCycleProcess.TASK_FOLLOW_UP),
                new String[] {"follow-up-overdue", "Trūkstošās atskaites", "Nav iesniegta / Not submitted", "Slēgt ciklu"});
        ReportingCycle closing = fixture.openCycle("Apstiprināšana latviski");
        cycles.close(closing.getId());
        fixture.runDueJobs(closing);
        CycleFixture.endReports(management, closing.getProcessInstanceId());
        forms.put(taskOf(closing.getProcessInstanceId(), ReportingCycleProcess.TASK_APPROVE),
                new String[] {"approve-consolidation", "Lēmums", "Apstiprināt un publicēt", "Apkopotā atskaite"});

        LocalDate start = zone.today().plusDays(30);
        PlanRefresh refresh = refreshes.start(new RefreshService.RefreshRequest(start.toString(),
                start.plusDays(14).toString(), null), "coordinator");
        forms.put(taskOf(refresh.getProcessInstanceId(), PlanRefreshProcess.TASK_SCHEDULE),
                new String[] {"prepare-cocreation-schedule", "Pasākumi ar datumiem", "Līdzradīšanas grafiks", ""});
        for (String later : new String[] {PlanRefreshProcess.TASK_RESPOND, PlanRefreshProcess.TASK_UPDATE,
            PlanRefreshProcess.TASK_SUBMIT}) {
            PlanRefresh another = refreshes.start(new RefreshService.RefreshRequest(start.plusDays(60 * forms.size()).toString(),
                    start.plusDays(60 * forms.size() + 14).toString(), null), "coordinator");
            runtime.createProcessInstanceModification(another.getProcessInstanceId())
                    .cancelAllForActivity(PlanRefreshProcess.TASK_SCHEDULE).startBeforeActivity(later).execute();
            forms.put(taskOf(another.getProcessInstanceId(), later), new String[] {later,
                later.equals(PlanRefreshProcess.TASK_RESPOND) ? "Katram viedoklim jāsniedz pamatota atbilde"
                        : later.equals(PlanRefreshProcess.TASK_UPDATE) ? "Reģistrējiet izmaiņas un papildinājumus"
                                : "Nosūtiet OGP atjaunoto plānu",
                "/refreshes/" + another.getId(), ""});
        }

        WebDriver browser = Browser.open("lv");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            Browser.login(browser, wait, url(""), "admin");
            for (Map.Entry<String, String[]> form : forms.entrySet()) {
                String[] expected = form.getValue();
                browser.get(url("/camunda/app/tasklist/default/#/?task=" + form.getKey()));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), expected[1]));
                String shown = formText(browser);
                Browser.screenshot(browser, "form-lv-" + expected[0]);
                assertThat(shown).as(expected[0]).contains(expected[1]).contains(expected[2]).contains(expected[3])
                        .doesNotContain("{{").doesNotContain("}}");
                // Tasklist's own words around the form are Latvian too
                assertThat(browser.findElement(By.tagName("body")).getText()).as(expected[0]).contains("Uzņemties");
            }

            // both start forms, from Tasklist's "Start process"
            for (String[] start2 : new String[][] {{"Ziņošanas cikls", "Rīkojuma Nr. 78 cikls"},
                {"Plāna atjaunošana", "Līdzradīšanas sākums"}}) {
                browser.get(url("/camunda/app/tasklist/default/#/"));
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[self::a or self::button][contains(., 'Sākt procesu')]"))).click();
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'modal')]//a[contains(., '" + start2[0] + "')]"))).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), start2[1]));
                Browser.screenshot(browser, "form-lv-start-" + start2[0].replace(' ', '-'));
                assertThat(formText(browser)).doesNotContain("{{");
                // closed as a user closes it, with Escape
                new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
            }
        } finally {
            browser.quit();
        }
    }

    /** What the form shows: its labels, texts and the values of its fields. */
    private static String formText(WebDriver browser) {
        StringBuilder text = new StringBuilder(browser.findElement(By.cssSelector(".fjs-form")).getText());
        browser.findElements(By.cssSelector(".fjs-form textarea, .fjs-form input")).forEach(field ->
                text.append('\n').append(field.getDomProperty("value")));
        return text.toString();
    }

    private String task(String businessKey, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult()
                .getId();
    }

    private String taskOf(String processInstanceId, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey).isNotNull();
        return task.getId();
    }
}
