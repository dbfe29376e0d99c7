package org.coalitionledger.ui;

import org.coalitionledger.it.OidcLedgerHttpTest;
import org.coalitionledger.it.TestOidcProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real browser (one headless chromium session): "Sign in with …" on the login page, the login
 * form of the OpenID Connect provider inside the tests, and back on the overview as the provider's user; logging
 * out through the provider's logout, after which the provider asks for the password again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcBrowserTest extends OidcLedgerHttpTest {

    @LocalServerPort
    private int port;

    @Test
    void signsInAtTheProviderAndLandsOnTheOverview() {
        Browser.require();
        WebDriver browser = Browser.start();
        try {
            // 127.0.0.1, not localhost: the provider's session cookie is kept for localhost
            browser.get("http://127.0.0.1:" + port + "/");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            Browser.step(browser, "oidc-00-login");
            browser.findElement(By.linkText("Sign in with " + PROVIDER_NAME)).click();

            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(TestOidcProvider.issuer() + "/login"));
            browser.findElement(By.id("username")).sendKeys(TestOidcProvider.RECORDER_USER);
            browser.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
            Browser.step(browser, "oidc-01-provider-login");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + port + "/")
                            && !d.getCurrentUrl().contains("/login"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Coalitions");
            assertThat(browser.findElement(By.className("user")).getText())
                    .contains("Signed in as " + TestOidcProvider.RECORDER_USER);
            Browser.step(browser, "oidc-02-overview");

            // logging out leads through the provider's logout (the pages' policy lets the form go there) and back
            String ledger = "http://127.0.0.1:" + port;
            TestOidcProvider.allowReturnAfterLogout(ledger + "/login?logout");
            browser.findElement(By.cssSelector("form.logout button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(ledger + "/login?logout"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("You have logged out.");
            Browser.step(browser, "oidc-03-logged-out");
            // and the provider asks for the password again
            browser.findElement(By.linkText("Sign in with " + PROVIDER_NAME)).click();
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(TestOidcProvider.issuer() + "/login"));
            assertThat(browser.findElement(By.id("password")).isDisplayed()).isTrue();
        } finally {
            browser.quit();
        }
    }
}
