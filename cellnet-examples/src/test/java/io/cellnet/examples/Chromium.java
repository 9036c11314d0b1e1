package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both paths are given, so
 * Selenium Manager never looks for (or downloads) a browser or a driver. A fresh profile per
 * browser, deleted on {@link #close()}. {@code scripts/test.sh} installs the packages when missing.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser whose window is {@code width} x {@code height} CSS pixels. */
    static Chromium start(int width, int height) throws IOException {
        assertTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are needed: bash scripts/test.sh installs them");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("cellnet-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new Chromium(driver, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** Runs {@code script} in the current window and returns its value. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A wait of at most {@link #WAIT} in the current window. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Saves a screenshot of the current window as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
