package org.assure.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium driven by Selenium, with axe-core (vendored under test resources) to
 * check pages against WCAG 2.2 A and AA. Skips when Chromium is not installed; .ci/run installs it.
 */
public final class RealBrowser implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final int NARROW_WIDTH = 320;
    private static String axeSource;
    private final ChromeDriver driver;
    private final URI base;

    public RealBrowser(URI base) {
        this(base, true);
    }

    /** With scripts off when {@code javascript} is false: the page as a browser without GOV.UK Frontend's scripts sees it. */
    public RealBrowser(URI base, boolean javascript) {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + tempDir());
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    public void fill(String id, String value) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Submits the page's form and waits until the answer has replaced the page, so what follows reads the new one. */
    public void submit() {
        WebElement before = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("main button[type=submit], main .govuk-button[type=submit]")).click();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!replaced(before) || !"complete".equals(driver.executeScript("return document.readyState"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The page did not change after submitting the form at " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    /** Waits until the condition holds, polling; fails with the description after the time allowed. */
    public void waitUntil(String what, java.time.Duration allowed, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + allowed.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + allowed.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public void signIn(String email, String password) {
        open("/sign-in");
        fill("email", email);
        fill("password", password);
        submit();
    }

    /** The WCAG 2.2 A/AA problems axe finds on the current page, one line each; empty when none. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axe());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    /**
     * What goes wrong with the current page on a narrow phone screen (WCAG 1.4.10 reflow: 320 CSS pixels), one
     * line each: the page must not scroll sideways (a wide table scrolls in its own region instead), and the
     * header and navigation must leave the page's own content starting in the top half of the first screen. Restores the usual window afterwards.
     */
    public List<String> narrowScreenProblems() {
        var window = driver.manage().window();
        var usual = window.getSize();
        window.setSize(new org.openqa.selenium.Dimension(NARROW_WIDTH, 640));
        try {
            List<String> problems = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            do {
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) driver.executeScript("""
                        const problems = [];
                        const page = document.documentElement;
                        if (page.scrollWidth > window.innerWidth) {
                          const over = e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.assure-table-scroll');
                          // an element past the right edge, or one whose own content (a long word) spills out of it
                          const spills = e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
                              && e.clientWidth > 0 && !e.closest('.assure-table-scroll');
                          const wide = [...document.querySelectorAll('body *')].filter(e => (over(e) && ![...e.children].some(over)) || spills(e))
                            .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                              + ' "' + (e.textContent || '').trim().slice(0, 30) + '"');
                          problems.push('scrolls sideways: ' + page.scrollWidth + ' px wide in ' + window.innerWidth + ' (' + wide.join(', ') + ')');
                        }
                        const main = document.querySelector('main');
                        if (main && main.getBoundingClientRect().top > window.innerHeight * 0.5) {
                          problems.push('the page itself starts ' + Math.round(main.getBoundingClientRect().top) + ' px down a ' + window.innerHeight + ' px screen');
                        }
                        return problems;""");
                problems = found;
                if (problems.isEmpty()) {
                    break;
                }
                Thread.sleep(100); // the navigation folds when its media query fires, just after the resize
            } while (System.nanoTime() < deadline);
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            window.setSize(usual);
        }
    }

    public String title() {
        return driver.getTitle();
    }

    public String currentPath() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = RealBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("assure-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
