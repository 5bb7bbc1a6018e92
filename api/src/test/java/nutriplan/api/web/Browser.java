package nutriplan.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Debian's chromedriver, one per test class ({@code @RegisterExtension static final
 * Browser browser = new Browser();}): started before the class, quit after it. Selenium is pointed at the
 * installed driver, so Selenium Manager never reaches for the network. When the browser or its driver is not
 * installed the tests fail at once, saying what to install, instead of hanging.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    /** Debian's packages {@code chromium} and {@code chromium-driver}; CHROMIUM and CHROMEDRIVER override them. */
    static final Path CHROMIUM = Path.of(environment("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(environment("CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** For people to look at; under target/, never committed. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Selenium warns that it has no DevTools classes for this Chromium; the tests use none. Held: loggers are weak. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private ChromeDriverService service;
    private ChromeDriver driver;

    private static String environment(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (var file : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(file)) {
                throw new IllegalStateException("The web form's browser tests need headless Chromium and its driver, and "
                        + file + " is not there. Install them: apt-get install chromium chromium-driver (.ci/run does),"
                        + " or point CHROMIUM and CHROMEDRIVER at them.");
            }
        }
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root Chromium needs --no-sandbox; the rest keeps it quiet and offline.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-default-apps", "--disable-sync", "--lang=en-US", "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the service and waits until its script has set the page up. */
    public void open(URI uri) {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(uri.toString());
        waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Runs an action that makes the form plan (a click, a change) and waits for the answer after it: the page counts
     * its answers in {@code body[data-answers]}. Returns the answer's status ("OPTIMAL", "INFEASIBLE", …).
     */
    public String planAndAwait(Runnable action) {
        int before = answers();
        action.run();
        waitFor(driver -> answers() > before);
        return byId("status").getAttribute("data-status");
    }

    /** How many answers the form has shown since it loaded. */
    public int answers() {
        var count = find(By.tagName("body")).getAttribute("data-answers");
        return count == null ? 0 : Integer.parseInt(count);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Empties an input and types into it, as a person would (input events fire). */
    public void type(String id, String text) {
        var input = byId(id);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    public void select(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Signs in through the header's sign-in control of the page open, as a person would, and waits until the page
     * says who is signed in ({@code body[data-user]}).
     */
    public void signIn(String name, String password) {
        var control = byId("sign-in");
        if (control.getAttribute("open") == null) {
            control.findElement(By.tagName("summary")).click();
        }
        type("sign-in-name", name);
        type("sign-in-password", password);
        byId("sign-in-button").click();
        waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-user", name));
    }

    /** Signs out through the page when someone is signed in, and waits until it offers to sign in again. */
    public void signOut() {
        if (byId("signed-in").isDisplayed()) {
            byId("sign-out").click();
        }
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sign-in summary")));
    }

    /** Saves what the window shows as target/screenshots/NAME.png. */
    public Path screenshot(String name) {
        var file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Errors the page logged since the last call: script errors, refused resources, Content-Security-Policy
     * violations. The API's own error answers (400, 422, 503), which Chromium logs as failed loads, are not errors
     * of the page.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !(message.contains("/api/v1/") && message.contains("the server responded with a status of")))
                .toList();
    }
}
