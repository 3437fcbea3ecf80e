package lv.opengov.reporting.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.identity.LoginThrottle;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.Browser;
import lv.opengov.reporting.support.BrowserApplication;
import lv.opengov.reporting.support.CycleFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a coordinator follows a cycle's progress, and an institution's user works in
 * Tasklist in Latvian and submits a report through the form. Screenshots go to target/screenshots.
 */
@BrowserApplication
class BrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    CycleFixture fixture;

    @Autowired
    ReportService reports;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    /** The shared application may hold blocks from other tests' failed logins from this same address. */
    @BeforeEach
    void noBlocksFromOtherTests() {
        throttle.lift(null, null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void coordinatorSeesTheCyclesProgress() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Pārlūka pārbaude");
        fixture.submit(cycle, "4.1", "vas", CycleFixture.report("LIMITED", "Mācību cikls sākts."));
        WebDriver browser = Browser.open("lv");
        try {
            browser.get(url("/login"));
            browser.findElement(By.name("username")).sendKeys("coordinator");
            browser.findElement(By.name("password")).sendKeys("coordinator");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Browser.WEBAPP_LOAD).until(ExpectedConditions.urlContains("/cycles"));
            browser.get(url("/cycles/" + cycle.getId()));
            String page = browser.findElement(By.tagName("main")).getText();
            assertThat(page).contains("Pieņemtas 0 un iesniegtas 1 no 12 atskaitēm")
                    .contains("Valsts administrācijas skola").contains("Iesniegšanas termiņš");
            Browser.screenshot(browser, "coordinator-cycle-lv");
            browser.get(url("/cycles/" + cycle.getId() + "?lang=en"));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("0 accepted and 1 submitted of 12 reports");
            Browser.screenshot(browser, "coordinator-cycle-en");
        } finally {
            browser.quit();
        }
    }

    @Test
    void institutionUserLogsInOnceSeesTheReturnCommentAsTextAndSubmitsInTasklistInLatvian() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Tasklist latviski");
        fixture.submit(cycle, "1.3", "vas", CycleFixture.report("LIMITED", "Sākts."));
        String hostile = "<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\">Pievienojiet skaitļus.";
        fixture.review(cycle, "1.3", java.util.Map.of("decision", "RETURN", "reviewComment", hostile));
        WebDriver browser = Browser.open("lv");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            // Tasklist sends a visitor to the one login of the service, and takes the user from it
            browser.get(url("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.name("username")).sendKeys("vas");
            browser.findElement(By.name("password")).sendKeys("vas");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            // back where the login was asked for
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));

            WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '1.3')]")));
            Browser.screenshot(browser, "tasklist-lv-tasks");
            // the list holds the institution's contributions to others' reports too: bring the task into view
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", task);
            wait.until(ExpectedConditions.elementToBeClickable(task)).click();
            WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("textarea[id$='Field_Progress']")));
            String body = browser.findElement(By.tagName("body")).getText();
            assertThat(body).contains("Izpildes pakāpe").contains("Pabeigt");
            // the reviewer's comment is shown as the text it is, never run
            assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_ReviewComment']"))
                    .getDomProperty("value")).isEqualTo(hostile);
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.injected"))
                    .isNull();
            // the form opens for editing once the user has claimed the task
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[self::a or self::button][contains(., 'Uzņemties')]"))).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            // form-js draws its select as a list that opens on a click
            Browser.click(browser, wait, browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')]"
                    + "//div[contains(@class,'fjs-input-group')]")));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., 'Būtiska')]"))).click();
            progress.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    org.openqa.selenium.Keys.DELETE);
            progress.sendKeys("Notikušas 14 mācības; apmācīti 280 ierēdņi.");
            WebElement links = browser.findElement(By.cssSelector("textarea[id$='Field_EvidenceLinks']"));
            links.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    org.openqa.selenium.Keys.DELETE);
            links.sendKeys("javascript:alert(1)");
            Browser.screenshot(browser, "tasklist-lv-form");
            WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
            assertThat(complete.getText()).isEqualTo("Pabeigt");
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
            // the server refuses the link: Tasklist shows the field's message, not a server error
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "nav tīmekļa adrese, kas sākas ar http:// vai https://"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("evidenceLinks")
                    .doesNotContain("Exception while invoking").doesNotContain("ENGINE-");
            Browser.screenshot(browser, "tasklist-lv-refused");
            assertThat(state(cycle, "1.3")).isEqualTo(ReportState.RETURNED);
            // the user corrects the link and completes again (the notice covers the field's corner,
            // so the new value is typed in as the form's own input event)
            WebElement corrected = browser.findElement(By.cssSelector("textarea[id$='Field_EvidenceLinks']"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                    const field = arguments[0];
                    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(field, arguments[1]);
                    field.dispatchEvent(new Event('input', {bubbles: true}));
                    field.dispatchEvent(new FocusEvent('blur'));
                    field.dispatchEvent(new FocusEvent('focusout', {bubbles: true}));""", corrected,
                    "https://www.vas.gov.lv/lv/macibas");
            assertThat(corrected.getDomProperty("value")).isEqualTo("https://www.vas.gov.lv/lv/macibas");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();",
                    browser.findElement(By.cssSelector("button[ng-click='complete()']")));

            await().atMost(Browser.WEBAPP_LOAD).until(() -> state(cycle, "1.3") == ReportState.SUBMITTED);
            Browser.screenshot(browser, "tasklist-lv-submitted");

            // logging out of Tasklist ends the one session: our own pages ask for the login again
            browser.get(url("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-header]")));
            // what Tasklist's "Log out" sends, with the CSRF token Camunda hands out
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                    fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST',
                        headers: {'X-XSRF-TOKEN': cookie ? cookie.substring('XSRF-TOKEN='.length) : ''}})
                      .then(r => done(r.status), e => done(String(e)));""");
            assertThat(status).isEqualTo(200L);
            browser.get(url("/my"));
            wait.until(ExpectedConditions.urlContains("/login"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void oneLoginOpensTasklistCockpitAndAdmin() {
        WebDriver browser = Browser.open("en");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            Browser.login(browser, wait, url(""), "admin");
            for (String app : List.of("cockpit", "admin", "tasklist")) {
                browser.get(url("/camunda/app/" + app + "/"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-header]")));
                // the web app knows the user: no login form of its own is shown
                wait.until(driver -> driver.findElements(By.cssSelector("input[type=password]")).isEmpty()
                        && driver.getPageSource().contains("admin"));
                Browser.screenshot(browser, "single-login-" + app);
                if (app.equals("cockpit")) {
                    // Cockpit has a Latvian locale too, but an English browser keeps the English one
                    wait.until(driver -> bodyText(driver).contains("running process instances"));
                    assertThat(bodyText(browser)).doesNotContain("izpildē esošās procesu instances");
                }
            }
            // and our own logout ends the web apps' session too
            browser.get(url("/logout"));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/public"));
            browser.get(url("/camunda/app/cockpit/"));
            wait.until(ExpectedConditions.urlContains("/login"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void coordinatorFollowsACycleDownToOneOfItsReportsInCockpitAndBack() {
        ReportingCycle cycle = fixture.openCycle("Cockpit");
        String cycleInstance = cycle.getProcessInstanceId();
        String reportInstance = runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycleInstance)
                .processInstanceBusinessKey(MeasureReportProcess.businessKey(cycle.getId(), "1.1")).singleResult()
                .getId();
        WebDriver browser = Browser.open("lv");
        WebDriverWait wait = new WebDriverWait(browser, Browser.WEBAPP_LOAD);
        try {
            Browser.login(browser, wait, url(""), "coordinator");
            // Cockpit speaks Latvian to a Latvian browser, from the dashboard on
            browser.get(url("/camunda/app/cockpit/default/#/dashboard"));
            wait.until(driver -> bodyText(driver).contains("izpildē esošās procesu instances"));
            assertThat(bodyText(browser)).contains("procesi", "atvērtie incidenti")
                    .doesNotContain("running process instances");
            Browser.screenshot(browser, "cockpit-lv-dashboard");
            browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + cycleInstance + "/runtime"));
            // the cycle's called instances are its reports
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//a[contains(., 'Izsauktās procesu instances')]"))).click();
            assertThat(bodyText(browser)).contains("mainīgie", "incidenti", "lietotāju uzdevumi", "darbi");
            WebElement toReport = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//a[contains(@href, 'process-instance/" + reportInstance + "')]")));
            Browser.screenshot(browser, "cockpit-cycle-called-reports");
            toReport.click();
            wait.until(ExpectedConditions.urlContains(reportInstance));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    MeasureReportProcess.businessKey(cycle.getId(), "1.1")));
            // and the report names its cycle as the instance that called it
            WebElement toCycle = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//a[contains(@href, 'process-instance/" + cycleInstance + "')]")));
            Browser.screenshot(browser, "cockpit-report-super-instance");
            toCycle.click();
            wait.until(ExpectedConditions.urlContains(cycleInstance));
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains(reportInstance)));
        } finally {
            browser.quit();
        }
    }

    /** The page's text in lower case: Cockpit sets some headings in capitals with CSS, which the text reflects. */
    private static String bodyText(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText().toLowerCase(java.util.Locale.ROOT);
    }

    private ReportState state(ReportingCycle cycle, String code) {
        List<ReportRow> rows = reports.rows(cycle.getId());
        return rows.stream().filter(r -> r.measureCode().equals(code)).findFirst().orElseThrow().state();
    }
}
