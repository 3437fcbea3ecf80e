package lv.opengov.reporting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}). Browser tests
 * are skipped where they are missing, unless {@code -Dreporting.test.browser.required=true} (as in CI,
 * which installs them): then they fail.
 */
public final class Browser implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String REQUIRED_PROPERTY = "reporting.test.browser.required";

    /**
     * How long a page may take to appear: Camunda's web apps load a great deal of script, which on a
     * busy two-core machine takes well over half a minute. The waits end as soon as the page is there.
     */
    public static final Duration WEBAPP_LOAD = Duration.ofSeconds(120);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            throw new IllegalStateException("Browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install the Debian packages chromium and chromium-driver");
        }
        return ConditionEvaluationResult.disabled("Chromium or ChromeDriver is not installed (Debian packages "
                + "chromium, chromium-driver); run with -D" + REQUIRED_PROPERTY + "=true to make this a failure");
    }

    /** A headless browser that prefers the given language. */
    public static WebDriver open(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=" + language, "--user-data-dir=" + tempDir());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return driver;
    }

    /** Logs the user in (demo password: the user's name) on the service's login page, and waits until it is left. */
    public static void login(WebDriver browser, WebDriverWait wait, String baseUrl, String user) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Logs out through the service's logout page, which leads to the public pages. */
    public static void logout(WebDriver browser, WebDriverWait wait, String baseUrl) {
        browser.get(baseUrl + "/logout");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/public"));
    }

    /** Brings the element into view (a long form may hide it under Tasklist's header), then clicks it. */
    public static void click(WebDriver browser, WebDriverWait wait, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Follows a link of a Tasklist form, which may open a tab of its own, and stays where it leads. */
    public static void follow(WebDriver browser, WebDriverWait wait, WebElement link, String urlPart) {
        Set<String> windows = browser.getWindowHandles();
        click(browser, wait, link);
        wait.until(driver -> driver.getWindowHandles().size() > windows.size()
                || driver.getCurrentUrl().contains(urlPart));
        for (String window : browser.getWindowHandles()) {
            if (!windows.contains(window)) {
                browser.switchTo().window(window);
            }
        }
        wait.until(ExpectedConditions.urlContains(urlPart));
    }

    /** Saves what the browser shows under target/screenshots. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = directory.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
