package org.claimline.web.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.claimline.infra.Directories;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Test helper: a real headless Chromium driven through the machine's chromedriver. A machine without them fails
 * the browser tests loudly; they are never skipped.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    private Browser() {
    }

    /** A fresh browser with its own profile directory; quit it after use. */
    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get update && apt-get install -y chromium chromium-driver");
        }
        Path profile = Directories.temporary("claimline-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteRecursively(profile)));
        return driver;
    }

    /** Saves a screenshot when the build asks for it ({@code -Dclaimline.screenshots=true}). */
    public static void screenshot(ChromeDriver driver, String name) throws IOException {
        if (!Boolean.getBoolean("claimline.screenshots")) {
            return;
        }
        Path root = Path.of(System.getProperty("claimline.root", ".."));
        Path target = root.resolve("docs/screenshots/" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
