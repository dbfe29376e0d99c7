package org.coalitionledger.ui;

import org.coalitionledger.it.SharedLedgerHttpTest;
import org.coalitionledger.it.TestUsers;
import org.coalitionledger.it.TestUsers.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acceptance scenarios in a real browser (headless Debian chromium): log in, move through time and see the
 * Netherlands uncertain in January 2024, record a join and watch it appear in a second window without a reload,
 * submit a bad form, escaping in the DOM, and the pages at phone width. One application and one browser for all;
 * the second window is a second browser session. With -Dledger.screenshots=true each step is saved
 * as a screenshot in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest extends SharedLedgerHttpTest {

    /** The example ledger under an id of this class's own (the application is shared with other test classes). */
    private static final String COALITION = "browser-it";
    private static final String IT = "/coalitions/" + COALITION;

    private static WebDriver browser;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() {
        Browser.require();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void loadTheExample() {
        if (jdbc.queryForObject("select count(*) from history_entry where coalition_id = ?", Long.class,
                                COALITION) == 0) {
            assertThat(postLines("/api/import", example(COALITION)).status()).isEqualTo(201);
        }
    }

    @Test
    @Order(1)
    void logsInThroughTheFormAndSeesTheNetherlandsUncertainOn15January2024() {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        Browser.step(browser, "01-login");
        logIn(browser, TestUsers.RECORDER);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Coalitions");
        Browser.step(browser, "02-overview");

        // several copies of the example are called "IT Coalition" in the shared application: this class's own one
        browser.findElement(By.cssSelector("a[href$='" + IT + "']")).click();
        WebElement date = browser.findElement(By.id("asOf"));
        assertThat(browser.findElement(By.cssSelector("label[for=asOf]")).getText()).contains("Day shown");
        setValue(date, "2024-01-15");
        browser.findElement(By.cssSelector("#time button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.urlContains("asOf=2024-01-15"));

        WebElement netherlands = browser.findElement(By.cssSelector("#membership tr[data-party=NL]"));
        assertThat(netherlands.getText()).contains("Netherlands", "2024-01", "≈ month precision", "uncertain");
        assertThat(netherlands.findElement(By.cssSelector(".uncertain")).isDisplayed()).isTrue();
        WebElement slider = browser.findElement(By.id("when"));
        assertThat(slider.getAttribute("aria-valuetext")).isEqualTo("2024-01-15");
        Browser.step(browser, "03-coalition-2024-01-15");

        // the slider by keyboard: one day on with the arrow key; the members follow without a reload
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        slider.sendKeys(Keys.END);
        wait(browser).until(d -> d.getCurrentUrl().contains("asOf=" + slider.getAttribute("aria-valuetext")));
        assertThat(browser.findElement(By.id("asOf")).getAttribute("value"))
                .isEqualTo(slider.getAttribute("aria-valuetext"));
        slider.sendKeys(Keys.HOME);
        wait(browser).until(d -> "2024-01-01".equals(slider.getAttribute("aria-valuetext")));
        slider.sendKeys(Keys.ARROW_RIGHT);
        wait(browser).until(d -> d.getCurrentUrl().contains("asOf=2024-01-02"));
        wait(browser).until(d -> d.findElement(By.id("membership-heading")).getText().contains("2024-01-02"));
        assertThat(browser.findElement(By.cssSelector("#membership tr[data-party=NL]")).getText())
                .contains("uncertain");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
        Browser.step(browser, "04-coalition-slider");
    }

    @Test
    @Order(2)
    void aJoinRecordedThroughTheFormAppearsInASecondWindowWithoutReload() {
        WebDriver second = Browser.start();
        try {
            logIn(second, TestUsers.VIEWER);
            second.get(url(IT));
            assertThat(second.findElement(By.id("membership")).getText()).doesNotContain("France");
            ((JavascriptExecutor) second).executeScript("window.notReloaded = true");

            logIn(browser, TestUsers.RECORDER);
            browser.get(url(IT));
            try {
                wait(browser).until(ExpectedConditions.elementToBeClickable(By.linkText("A state joined")));
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(browser, "05-no-record-link");
                throw new AssertionError("no link to record a join at " + browser.getCurrentUrl() + "; the page"
                                                 + " says: " + browser.findElement(By.tagName("body")).getText()
                        .lines().limit(12).toList(), e);
            }
            browser.findElement(By.linkText("A state joined")).click();
            browser.findElement(By.id("party")).sendKeys("FR");
            browser.findElement(By.id("effectiveDate")).sendKeys("2024-05-01");
            browser.findElement(By.id("sourceTitle")).sendKeys("Press release of the French ministry");
            browser.findElement(By.id("sourceUrl")).sendKeys("https://example.org/fr");
            Browser.step(browser, "05-record-join");
            browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
            wait(browser).until(ExpectedConditions.urlMatches(".*/coalitions/browser-it$"));
            assertThat(browser.findElement(By.className("flash")).getText()).contains("Recorded the join");

            wait(second).until(d -> d.findElement(By.id("membership")).getText().contains("France"));
            assertThat(((JavascriptExecutor) second).executeScript("return window.notReloaded")).isEqualTo(true);
            assertThat(second.findElement(By.id("live-status")).getText()).contains("new act was recorded");
            assertThat(second.findElement(By.id("history")).getText()).contains("Press release of the French");
            Browser.step(second, "06-second-window-live");
        } finally {
            second.quit();
        }
    }

    @Test
    @Order(3)
    void aBadFormShowsTheErrorBesideItsFieldAndRecordsNothing() {
        logIn(browser, TestUsers.RECORDER);
        long before = eventCount(COALITION);
        browser.get(url("/record/browser-it/join"));
        browser.findElement(By.id("party")).sendKeys("DE");
        browser.findElement(By.id("effectiveDate")).sendKeys("2999-01-01");
        browser.findElement(By.id("sourceTitle")).sendKeys("A report from the future");
        browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();

        WebElement error = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("effectiveDate-error")));
        assertThat(error.getText()).containsIgnoringCase("future");
        WebElement field = browser.findElement(By.id("effectiveDate"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("effectiveDate-error");
        assertThat(field.getAttribute("value")).isEqualTo("2999-01-01");
        assertThat(browser.findElement(By.id("party")).getAttribute("value")).isEqualTo("DE");
        // the message sits with its field, not somewhere else on the page
        assertThat(browser.findElement(By.xpath("//p[@id='effectiveDate-error']/..//input")).getAttribute("id"))
                .isEqualTo("effectiveDate");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Nothing was written");
        Browser.step(browser, "07-bad-form");

        WebElement party = browser.findElement(By.id("party"));
        party.clear();
        party.sendKeys("XX");
        WebElement date = browser.findElement(By.id("effectiveDate"));
        date.clear();
        date.sendKeys("2024-06-01");
        browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("party-error")))
                           .getText()).contains("XX");
        assertThat(browser.findElements(By.id("effectiveDate-error"))).isEmpty();
        assertThat(eventCount(COALITION)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void recordedTextIsShownAsTextNeverRunAsScript() {
        user = TestUsers.RECORDER;
        assertThat(post("/api/coalitions/browser-it/intents", """
                {"party":"CZ","effectiveDate":"2024-03-01","notes":"<script>alert(1)</script>",
                 "source":{"title":"<script>alert(1)</script><img src=x onerror=alert(2)>"}}""").status())
                .isEqualTo(201);
        logIn(browser, TestUsers.ADMIN);
        for (String path : List.of(IT, IT + "?asOf=2024-03-02", "/audit", "/parties/CZ")) {
            openAsAdmin(path);
            assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            Object inlineScripts = ((JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('script')).filter(s => !s.src).length"
                            + " + document.querySelectorAll('img[src=x]').length");
            assertThat(inlineScripts).as(path).isEqualTo(0L);
        }
        openAsAdmin(IT);
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
        assertThat(browser.findElement(By.id("history")).getText()).contains("<script>alert(1)</script>");
        Browser.step(browser, "08-escaped");
    }

    @Test
    @Order(5)
    void thePagesAreUsableAtPhoneWidth() {
        logIn(browser, TestUsers.RECORDER);
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            for (String[] page : new String[][] {{IT + "?asOf=2024-01-15", "09-phone-coalition"},
                                                 {"/", "10-phone-overview"},
                                                 {"/record/browser-it/join", "11-phone-record"}}) {
                browser.get(url(page[0]));
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as(page[0] + " scrolls sideways").isLessThanOrEqualTo(1);
                Browser.step(browser, page[1]);
            }
            // the charts scroll inside their frame, their text drawn at its own size rather than shrunk to fit
            browser.get(url(IT + "?asOf=2024-06-01"));
            for (String chart : List.of("membership-chart", "commitment-chart")) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Number> drawn = (java.util.Map<String, Number>) ((JavascriptExecutor) browser)
                        .executeScript("""
                                var svg = document.getElementById(arguments[0]);
                                var label = svg.querySelector('text.label');
                                var frame = svg.closest('.chart-wrap');
                                return {font: parseFloat(getComputedStyle(label).fontSize),
                                        scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
                                        height: label.getBoundingClientRect().height,
                                        hidden: frame.scrollWidth - frame.clientWidth};""", chart);
                assertThat(drawn.get("font").doubleValue()).as(chart + " font size").isGreaterThanOrEqualTo(12);
                assertThat(drawn.get("scale").doubleValue()).as(chart + " scale").isGreaterThanOrEqualTo(0.99);
                assertThat(drawn.get("height").doubleValue()).as(chart + " label height, px")
                        .isGreaterThanOrEqualTo(12);
                assertThat(drawn.get("hidden").doubleValue()).as(chart + " scrolls in its frame").isPositive();
            }
            Browser.step(browser, "12-phone-chart");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    @Order(6)
    void aSameDayIntentAndJoinIsAMarkerAndTheFullHistoryOpensOnRequest() {
        logIn(browser, TestUsers.VIEWER);
        browser.get(url(IT + "?asOf=2024-06-01"));
        // the example's United Kingdom declared intent and joined on or before 2024-02-14: a diamond on its row
        WebElement marker = browser.findElement(By.cssSelector("#membership-chart .point-intent path"));
        assertThat(marker.isDisplayed()).isTrue();
        assertThat(marker.getRect().getWidth()).isGreaterThanOrEqualTo(10);
        assertThat(marker.findElement(By.xpath("..")).findElement(By.tagName("title")).getAttribute("textContent"))
                .contains("United Kingdom: declared intent on [..2024-02-14] (≈ within a range) and joined the same"
                          + " day");

        int latest = browser.findElements(By.cssSelector("#history tbody tr")).size();
        assertThat(latest).isEqualTo(CoalitionPage.LATEST_ACTS);
        browser.findElement(By.id("history-all")).click();
        wait(browser).until(ExpectedConditions.urlContains("history=all"));
        assertThat(browser.getCurrentUrl()).contains("asOf=2024-06-01");
        assertThat(browser.findElements(By.cssSelector("#history tbody tr")).size()).isGreaterThan(latest);
        assertThat(browser.findElements(By.cssSelector("#history ol.sources li"))).hasSize(
                (int) browser.findElements(By.cssSelector("#history ol.sources li")).stream()
                        .map(WebElement::getText).distinct().count());
        Browser.step(browser, "13-full-history");
        browser.findElement(By.id("history-latest")).click();
        wait(browser).until(d -> !d.getCurrentUrl().contains("history=all"));
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(latest);
    }

    @Test
    @Order(7)
    void anAuditorReviewsEveryActOfACoalitionThroughThePages() {
        String coalition = uniqueId("browser-review");
        assertThat(postLines("/api/import", example(coalition)).status()).isEqualTo(201);
        assertThat(send(TestUsers.ADMIN, org.springframework.http.HttpMethod.POST, "/api/audit/checkpoints", "",
                        "application/json").status()).isEqualTo(201);
        logIn(browser, TestUsers.AUDITOR);
        browser.get(url("/audit"));
        browser.findElement(By.id("reviews-link")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("r-coalition")))
                .selectByValue(coalition);
        browser.findElement(By.id("r-title")).sendKeys("Browser review");
        browser.findElement(By.cssSelector("#open button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.urlMatches(".*/audit/reviews/[^/]+$"));
        List<String> acts = browser.findElements(By.cssSelector("article.review-act")).stream()
                .map(act -> act.getAttribute("id")).toList();
        assertThat(acts).hasSizeGreaterThan(3);
        assertThat(browser.findElement(By.id("progress-text")).getText())
                .isEqualTo("0 of " + acts.size() + " acts checked");
        Browser.step(browser, "14-review-opened");

        // a dispute without a comment is refused by the act's comment field
        browser.findElement(By.cssSelector("#" + acts.get(1) + " button[value=DISPUTED]")).click();
        WebElement error = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("comment-2-error")));
        assertThat(error.getText()).contains("comment is required");
        assertThat(browser.findElement(By.id("comment-2")).getAttribute("aria-invalid")).isEqualTo("true");
        Browser.step(browser, "15-review-comment-required");
        browser.findElement(By.id("comment-2")).sendKeys("the source gives another day");
        browser.findElement(By.cssSelector("#" + acts.get(1) + " button[value=DISPUTED]")).click();
        wait(browser).until(d -> d.findElement(By.id("progress-text")).getText().startsWith("1 of "));

        // every other act in one click each
        for (int i = 0; i < acts.size(); i++) {
            if (i == 1) {
                continue;
            }
            int checked = i == 0 ? 2 : i + 1; // acts 0..i are checked once this one is
            browser.findElement(By.cssSelector("#" + acts.get(i) + " button[value=CONFIRMED]")).click();
            wait(browser).until(d -> d.findElement(By.id("progress-text")).getText()
                    .equals(checked + " of " + acts.size() + " acts checked"));
        }
        assertThat(browser.findElement(By.cssSelector("#" + acts.get(1) + " .finding")).getText())
                .contains("⚠ disputed", "the source gives another day");
        browser.findElement(By.cssSelector("#complete button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("completed")));
        assertThat(browser.findElement(By.className("flash")).getText())
                .contains("Completed the review: " + acts.size() + " of " + acts.size() + " acts checked");
        assertThat(browser.findElements(By.cssSelector("form.verdict"))).isEmpty();
        assertThat(browser.findElements(By.id("complete"))).isEmpty();
        Browser.step(browser, "16-review-completed");

        browser.get(url("/coalitions/" + coalition + "?history=all"));
        String disputed = acts.get(1).substring("act-".length());
        assertThat(browser.findElement(By.id("record-" + disputed)).getText()).contains("⚠ disputed");
        assertThat(browser.findElement(By.id("history")).getText()).doesNotContain("unreviewed");
    }

    /** Opens a page as ADMIN, logging in again if the session was lost on the way, so that checks see the page. */
    private void openAsAdmin(String path) {
        browser.get(url(path));
        if (browser.getCurrentUrl().contains("/login")) {
            logIn(browser, TestUsers.ADMIN);
            browser.get(url(path));
        }
        assertThat(browser.getCurrentUrl()).as(path).doesNotContain("/login");
    }

    private void logIn(WebDriver driver, TestUser as) {
        for (int attempt = 1; ; attempt++) {
            // leave the open page first: its live-update stream would reconnect without a session and start a new
            // one between the login page and its post
            driver.get("about:blank");
            driver.manage().deleteAllCookies();
            driver.get(url("/login"));
            driver.findElement(By.id("username")).sendKeys(as.name());
            driver.findElement(By.id("password")).sendKeys(as.password());
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait(driver).until(d -> !d.getCurrentUrl().endsWith("/login"));
            // the session must hold: a page right after the login is answered, not sent back to the login
            driver.get(url("/"));
            if (!driver.getCurrentUrl().contains("/login")) {
                return;
            }
            System.out.println("BrowserTest: the session of " + as.name() + " did not hold after login (attempt "
                                       + attempt + "); logging in again");
            if (attempt == 3) {
                throw new AssertionError("could not stay logged in as " + as.name());
            }
        }
    }

    private static void setValue(WebElement input, String value) {
        // a date input's typing order follows the browser's locale; set the value as a date picker would
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", input, value);
    }

    /** Waits up to 15 s; an element that live updates replaced meanwhile is looked up again at the next try. */
    private static FluentWait<WebDriver> wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
