package lv.opengov.reporting.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.identity.LoginThrottle;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanTable;
import lv.opengov.reporting.report.IndicatorProgress;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.MilestoneProgress;
import lv.opengov.reporting.report.ProgressQuery;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.Browser;
import lv.opengov.reporting.support.BrowserApplication;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A report with a contribution, from end to end in a real browser and in Latvian: TM, co-responsible
 * for VK's measure 3.2, attaches a PDF to its contribution task (a disguised program and an 11 MB file
 * are refused) and submits; VK sees the contribution and the file in its own task, gives the measure's
 * milestone and indicator on the progress page, goes back to the task and submits; the reviewer
 * downloads TM's file; the coordinator's cycle page and the PDF report show the contribution, the
 * indicator against its target and the money planned against spent. Screenshots go to target/screenshots.
 */
@BrowserApplication
class ContributionJourneyBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    CycleFixture fixture;

    @Autowired
    TaskService tasks;

    @Autowired
    ReportService reports;

    @Autowired
    ProgressQuery progress;

    @Autowired
    PlanImportService importService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginThrottle throttle;

    @TempDir
    Path folder;

    /** Measure 3.2 gets a milestone and its indicator a baseline and a target, for this test only. */
    @BeforeEach
    void milestoneAndTarget() {
        throttle.lift(null, null);
        importService.importTables(Map.of(
                PlanTable.MILESTONES, ("measure,number,title_lv,title_en,due_date\n"
                        + "3.2,1,Metodika sagatavota,Methodology prepared,2024-06-30\n").getBytes(StandardCharsets.UTF_8),
                PlanTable.INDICATORS, ("measure,number,title_lv,title_en,unit,baseline,target,target_date\n"
                        + "3.2,1,Inovatīvi iesaistīti tiesību akti,Legal acts with innovative involvement,skaits,0,12,"
                        + "2025-12-31\n").getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void planAsBundled() throws Exception {
        jdbc.update("delete from report_milestone where milestone_id in (select ms.id from milestone ms "
                + "join measure m on m.id = ms.measure_id where m.code = '3.2')");
        jdbc.update("delete from milestone where measure_id = (select id from measure where code = '3.2')");
        importService.importTables(Map.of(PlanTable.INDICATORS,
                new ClassPathResource("plan/indicators.csv").getContentAsByteArray()));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aContributionWithAFileReachesTheLeadsReportTheReviewerAndTheCoordinator() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Ieguldījums no sākuma līdz beigām");
        Long reportId = fixture.reportId(cycle, "3.2");
        String businessKey = MeasureReportProcess.businessKey(cycle.getId(), "3.2");
        Task contribution = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(MeasureReportProcess.TASK_CONTRIBUTE).taskCandidateGroup("inst-tm").singleResult();
        Task lead = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).singleResult();
        MilestoneProgress milestone = progress.milestonesOfReport(reportId).get(0);
        IndicatorProgress indicator = progress.indicatorsOfReport(reportId).get(0);
        byte[] pdfContent = EvidenceSamples.pdf("TM contribution to 3.2");
        Path pdf = Files.write(folder.resolve("TM ieguldījums 3.2.pdf"), pdfContent);
        Path disguised = Files.write(folder.resolve("rēķins.pdf"), EvidenceSamples.exe());
        Path large = Files.write(folder.resolve("liels.pdf"), EvidenceSamples.pdfOfSize(11 * 1024 * 1024));

        WebDriver browser = Browser.open("lv");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            // TM: its contribution task in Tasklist, the evidence page from the form, and back
            Browser.login(browser, wait, url(""), "tm");
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + contribution.getId()));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Ieguldījums / Contribution: 3.2"));
            claim(browser, wait);
            Browser.follow(browser, wait, wait.until(ExpectedConditions.elementToBeClickable(
                    By.partialLinkText("Pierādījumu faili"))), "/reports/" + reportId + "/evidence");
            upload(browser, disguised);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Fails \"rēķins.pdf\" nav tas, ko saka tā nosaukums"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nekas netika pievienots.");
            Browser.screenshot(browser, "journey-disguised-refused");
            upload(browser, large);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Fails ir lielāks par 10 MB, lielāko pieļaujamo izmēru. Nekas netika mainīts."));
            Browser.screenshot(browser, "journey-large-refused");
            assertThat(jdbc.queryForObject("select count(*) from evidence_file where report_id = ?", Long.class, reportId))
                    .isZero();
            upload(browser, pdf);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Pievienots: TM ieguldījums 3.2.pdf."));
            assertThat(browser.findElement(By.tagName("table")).getText()).contains("TM ieguldījums 3.2.pdf")
                    .doesNotContain("rēķins").doesNotContain("liels");
            Browser.click(browser, wait, browser.findElement(By.linkText("← Atpakaļ uz uzdevumu Tasklist")));
            wait.until(ExpectedConditions.urlContains("task=" + contribution.getId()));
            fill(browser, wait, "Field_Progress", "Tieslietu ministrija izstrādāja divus likumprojektus ar domnīcām.");
            fill(browser, wait, "Field_FundsSpentEur", "500");
            Browser.click(browser, wait, browser.findElement(By.cssSelector("button[ng-click='complete()']")));
            await().atMost(Browser.WEBAPP_LOAD).until(() -> tasks.createTaskQuery().taskId(contribution.getId()).count() == 0);
            Browser.logout(browser, wait, url(""));

            // VK: the contribution in its own task, the milestone and the indicator, and its submission
            Browser.login(browser, wait, url(""), "vk");
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + lead.getId()));
            WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("textarea[id$='Field_Contributions']")));
            assertThat(shown.getDomProperty("value")).contains("TM — iesniegts / submitted")
                    .contains("Tieslietu ministrija izstrādāja divus likumprojektus ar domnīcām.");
            claim(browser, wait);
            Browser.screenshot(browser, "journey-lead-task");
            Browser.follow(browser, wait, wait.until(ExpectedConditions.elementToBeClickable(
                    By.partialLinkText("Starpposma mērķi un rādītāji"))), "/reports/" + reportId + "/progress");
            new Select(browser.findElement(By.name("milestone." + milestone.milestoneId() + ".state")))
                    .selectByVisibleText("Izpildīts");
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-05-15';",
                    browser.findElement(By.name("milestone." + milestone.milestoneId() + ".date")));
            browser.findElement(By.name("indicator." + indicator.indicatorId() + ".value")).sendKeys("4");
            Browser.click(browser, wait, browser.findElement(By.xpath("//button[@type='submit' and contains(., 'Saglabāt')]")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saglabāts."));
            Browser.screenshot(browser, "journey-progress-saved");
            Browser.click(browser, wait, browser.findElement(By.linkText("← Atpakaļ uz uzdevumu Tasklist")));
            wait.until(ExpectedConditions.urlContains("task=" + lead.getId()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_Progress']")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            Browser.click(browser, wait, browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')]"
                    + "//div[contains(@class,'fjs-input-group')]")));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., 'Būtiska')]"))).click();
            fill(browser, wait, "Field_Progress", "Inovatīvas līdzdalības metodika sagatavota un izmantota četros aktos.");
            fill(browser, wait, "Field_FundsSpentEur", "1500");
            Browser.click(browser, wait, browser.findElement(By.cssSelector("button[ng-click='complete()']")));
            await().atMost(Browser.WEBAPP_LOAD).until(() -> reports.row(reportId).state() == ReportState.SUBMITTED);
            Browser.logout(browser, wait, url(""));

            // the reviewer downloads TM's file as it was attached
            Browser.login(browser, wait, url(""), "reviewer");
            browser.get(url("/reports/" + reportId + "/evidence"));
            String href = browser.findElement(By.partialLinkText("TM ieguldījums 3.2.pdf")).getDomAttribute("href");
            assertThat(download(browser, href)).isEqualTo(pdfContent);
            Browser.logout(browser, wait, url(""));

            // the coordinator's cycle page and PDF report
            Browser.login(browser, wait, url(""), "coordinator");
            browser.get(url("/cycles/" + cycle.getId()));
            String page = browser.findElement(By.tagName("main")).getText();
            Browser.screenshot(browser, "journey-coordinator-cycle");
            assertThat(page).contains("Ieguldījumi").containsPattern("Iesniegti [1-9]\\d* no \\d+ līdzatbildīgo iestāžu");
            String indicatorRow = browser.findElement(By.xpath(
                    "//section[@aria-labelledby='indicators']//tr[td[1][normalize-space(.)='3.2']]")).getText();
            assertThat(indicatorRow).contains("Inovatīvi iesaistīti tiesību akti").contains("12 līdz 2025-12-31").contains("4");
            assertThat(browser.findElement(By.xpath("//section[@aria-labelledby='indicators']//tr[td[1][normalize-space(.)='3.2']]"
                    + "//*[local-name()='svg']")).getDomAttribute("aria-label"))
                    .isEqualTo("Sākotnējā vērtība 0, pašreizējā vērtība 4, mērķa vērtība 12 (skaits)");
            // 3.2's three yearly lines, 87,000 EUR planned, against the 1,500 EUR VK and the 500 EUR TM spent, given once
            List<WebElement> lines32 = browser.findElements(By.xpath(
                    "//section[@aria-labelledby='funding']//tbody/tr[td[3][normalize-space(.)='3.2']]"));
            assertThat(lines32).hasSize(3);
            assertThat(lines32.get(0).findElements(By.tagName("td"))).last()
                    .satisfies(cell -> assertThat(cell.getText()).isEqualTo("2 000.00"))
                    .satisfies(cell -> assertThat(cell.getDomAttribute("rowspan")).isEqualTo("3"));
            assertThat(lines32.get(1).findElements(By.tagName("td"))).hasSize(4);
            String pdfText = pdfText(browser, "/api/cycles/" + cycle.getId() + "/report.pdf");
            // the PDF's table cells break their lines where they will
            String flowing = pdfText.replaceAll("\\s+", " ");
            assertThat(flowing).contains("TM: Tieslietu ministrija izstrādāja divus likumprojektus ar domnīcām. (500.00 EUR)")
                    .contains("TM ieguldījums 3.2.pdf (PDF")
                    .contains("1 Metodika sagatavota 2024-06-30 Izpildīts 2024-05-15")
                    .contains("Sākotnējā vērtība 0, pašreizējā vērtība 4, mērķa vērtība 12 (skaits)")
                    .contains("Plānotais un izlietotais finansējums")
                    .contains("2024 3.2 30000.00 2000.00").contains("2025 3.2 35000.00 Additional")
                    .contains("Kopā 192000.00 2000.00").contains("Kopā izlietotie līdzekļi: 2000.00 EUR");
        } finally {
            browser.quit();
        }
    }

    /** Claims the task open in Tasklist and waits until its form may be changed. */
    private static void claim(WebDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[self::a or self::button][contains(., 'Uzņemties')]"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    }

    private static void fill(WebDriver browser, WebDriverWait wait, String field, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='" + field + "']")));
        input.sendKeys(text);
    }

    private static void upload(WebDriver browser, Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.xpath("//button[@type='submit' and contains(., 'Pievienot')]")).click();
    }

    /** What the browser gets from the address with its session, as bytes; fails on any status but 200. */
    private static byte[] download(WebDriver browser, String path) {
        Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  if (r.status !== 200) { done('status ' + r.status); return; }
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let text = '';
                  for (let i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                  done('ok:' + btoa(text));
                }, e => done(String(e)));""", path);
        assertThat(base64).asString().startsWith("ok:");
        return Base64.getDecoder().decode(((String) base64).substring(3));
    }

    private static String pdfText(WebDriver browser, String path) throws Exception {
        try (var document = Loader.loadPDF(download(browser, path))) {
            return new PDFTextStripper().getText(document);
        }
    }
}
