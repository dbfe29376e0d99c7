package org.coalitionledger.ui;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's chromium and chromium-driver for the browser tests, headless, with both paths given so that Selenium
 * never looks for (or downloads) a driver or a browser. Without them the tests are skipped with the reason printed;
 * with {@code CI=true} they fail instead.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("ledger.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ledger.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Selenium warns at every start that it has no CDP (DevTools) module matching the installed chromium; the tests
     * use WebDriver only, so only errors are shown. Held here: java.util.logging keeps loggers weakly.
     */
    private static final List<Logger> CDP_LOGGERS = Stream.of("org.openqa.selenium.devtools",
                                                              "org.openqa.selenium.chromium.ChromiumDriver")
            .map(Logger::getLogger).peek(logger -> logger.setLevel(Level.SEVERE)).toList();

    private Browser() {
    }

    /** Skips (or, on CI, fails) the calling test class when chromium or its driver is missing. */
    static void require() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is missing" : null;
        if (missing == null) {
            return;
        }
        String reason = "Browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium"
                + " chromium-driver): " + missing;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so the browser tests may not be skipped. " + reason);
        }
        System.out.println("SKIPPED browser tests. " + reason);
        Assumptions.abort(reason);
    }

    /** A fresh headless chromium with its own profile, at desktop size. */
    static WebDriver start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            Path profile = Files.createTempDirectory("ledger-chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--disable-quic", "--no-first-run", "--no-default-browser-check",
                                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                 "--disable-extensions", "--disable-default-apps", "--lang=en-US",
                                 "--window-size=1280,900", "--user-data-dir=" + profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Whether the tests save a screenshot of each step ({@code -Dledger.screenshots=true}); off by default, as each
     * costs a resize, a layout and a PNG (about a second on two cores).
     */
    static final boolean STEPS = Boolean.getBoolean("ledger.screenshots");

    /** Saves the whole page as a step of a test, when {@link #STEPS} asks for it. */
    static void step(WebDriver driver, String name) {
        if (STEPS) {
            screenshot(driver, name);
        }
    }

    /** Saves the whole page, as tall as it is (up to 6,000 pixels), as target/screenshots/{name}.png. */
    static void screenshot(WebDriver driver, String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(6000, height + 140)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}
