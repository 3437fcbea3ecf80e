package lv.opengov.reporting.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.identity.LoginThrottle;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.support.Browser;
import lv.opengov.reporting.support.BrowserApplication;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: an institution's user opens its report task in Tasklist, follows the form's link
 * to the evidence page, attaches a PDF, sees it listed and goes back to the task. Screenshots go to
 * target/screenshots.
 */
@BrowserApplication
class EvidenceBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    CycleFixture fixture;

    @Autowired
    TaskService tasks;

    @Autowired
    LoginThrottle throttle;

    @TempDir
    Path folder;

    @BeforeEach
    void noBlocksFromOtherTests() {
        throttle.lift(null, null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void institutionUserAttachesAPdfFromItsTaskAndGoesBackToIt() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Pierādījumi pārlūkā");
        Long reportId = fixture.reportId(cycle, "1.2");
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "1.2"))
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
        Path pdf = Files.write(folder.resolve("Pārskats par mācībām.pdf"), EvidenceSamples.pdf("Training report"));

        WebDriver browser = Browser.open("lv");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            Browser.login(browser, wait, url(""), "vk");

            // the task, opened in Tasklist as its link in a mail or the task list opens it
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_Progress']")));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[self::a or self::button][contains(., 'Uzņemties')]"))).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                    By.partialLinkText("Pierādījumu faili")));
            assertThat(link.getDomAttribute("href")).isEqualTo("/reports/" + reportId + "/evidence");
            Browser.screenshot(browser, "evidence-task-link");
            Browser.follow(browser, wait, link, "/reports/" + reportId + "/evidence");
            assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Pierādījumu faili: 1.2");

            browser.findElement(By.id("file")).sendKeys(pdf.toString());
            browser.findElement(By.id("public")).click();
            browser.findElement(By.xpath("//button[@type='submit' and contains(., 'Pievienot')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Pievienots: Pārskats par mācībām.pdf."));
            String listed = browser.findElement(By.tagName("table")).getText();
            assertThat(listed).contains("Pārskats par mācībām.pdf").contains("PDF")
                    .contains("1. iesniegums, vēl nav iesniegts").contains("jā, pēc publicēšanas");
            Browser.screenshot(browser, "evidence-page-attached");

            browser.findElement(By.linkText("← Atpakaļ uz uzdevumu Tasklist")).click();
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.urlContains("task=" + task.getId()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_Progress']")));
            Browser.screenshot(browser, "evidence-back-to-task");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aCoResponsibleInstitutionContributesWithAFileAndTheResponsibleInstitutionSeesIt() throws Exception {
        // 3.1: VK responsible, TM and FM co-responsible
        ReportingCycle cycle = fixture.openCycle("Ieguldījums pārlūkā");
        Long reportId = fixture.reportId(cycle, "3.1");
        Task contribution = tasks.createTaskQuery()
                .processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "3.1"))
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).taskCandidateGroup("inst-tm").singleResult();
        Path pdf = Files.write(folder.resolve("TM ieguldījums.pdf"), EvidenceSamples.pdf("TM contribution"));

        WebDriver browser = Browser.open("lv");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            Browser.login(browser, wait, url(""), "tm");
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + contribution.getId()));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Ieguldījums / Contribution: 3.1"));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[self::a or self::button][contains(., 'Uzņemties')]"))).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Pierādījumu faili")));
            assertThat(link.getDomAttribute("href")).isEqualTo("/reports/" + reportId + "/evidence");
            Browser.screenshot(browser, "contribution-task-lv");

            // the file goes to the report's evidence page, recorded as TM's
            browser.get(url("/reports/" + reportId + "/evidence"));
            browser.findElement(By.id("file")).sendKeys(pdf.toString());
            browser.findElement(By.xpath("//button[@type='submit' and contains(., 'Pievienot')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Pievienots: TM ieguldījums.pdf."));
            browser.findElement(By.linkText("← Atpakaļ uz uzdevumu Tasklist")).click();
            wait.until(ExpectedConditions.urlContains("task=" + contribution.getId()));

            WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("textarea[id$='Field_Progress']")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            progress.sendKeys("Sagatavoti grozījumi tiesību aktos par konsultācijām.");
            Browser.click(browser, wait, browser.findElement(By.cssSelector("button[ng-click='complete()']")));
            await().atMost(Browser.WEBAPP_LOAD).until(() -> tasks.createTaskQuery().taskId(contribution.getId()).count() == 0);
            Browser.logout(browser, wait, url(""));

            // VK's own task shows TM's contribution, and its evidence page TM's file
            Browser.login(browser, wait, url(""), "vk");
            Task lead = tasks.createTaskQuery()
                    .processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "3.1"))
                    .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + lead.getId()));
            WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("textarea[id$='Field_Contributions']")));
            assertThat(shown.getDomProperty("value")).contains("TM — iesniegts / submitted")
                    .contains("Sagatavoti grozījumi tiesību aktos par konsultācijām.")
                    .contains("FM — vēl nav iesniegts / not yet submitted");
            Browser.screenshot(browser, "contribution-seen-by-lead-lv");
            browser.get(url("/reports/" + reportId + "/evidence"));
            assertThat(browser.findElement(By.tagName("table")).getText()).contains("TM ieguldījums.pdf");
        } finally {
            browser.quit();
        }
    }
}
