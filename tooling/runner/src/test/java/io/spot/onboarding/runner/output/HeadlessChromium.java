package io.spot.onboarding.runner.output;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Renders a page with Debian's headless {@code chromium}, as a person's browser would show it. A
 * test that needs it is skipped, saying so, where chromium is not installed (.ci/run installs it).
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 120;

    private HeadlessChromium() {}

    static void assumeInstalled() {
        assumeThat(executable())
                .as("chromium is not on PATH (apt-get install chromium): the page's render check is skipped")
                .isNotNull();
    }

    /** A 1200 x 900 screenshot of {@code page}, with a profile of its own under {@code work}. */
    static BufferedImage screenshot(final Path page, final Path work) throws IOException, InterruptedException {
        final Path png = work.resolve("screenshot.png");
        final Path log = work.resolve("chromium.log");
        final Process chromium = new ProcessBuilder(List.of(
                        executable().getPath(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        "--user-data-dir=" + Files.createDirectories(work.resolve("profile")),
                        "--screenshot=" + png,
                        "--window-size=1200,900",
                        page.toUri().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium took over " + TIMEOUT_SECONDS + " s; its output: " + log);
        }
        if (chromium.exitValue() != 0 || !Files.exists(png)) {
            throw new AssertionError(
                    "chromium exited " + chromium.exitValue() + " without a screenshot: " + Files.readString(log));
        }
        return ImageIO.read(png.toFile());
    }

    private static File executable() {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            final File candidate = new File(dir, "chromium");
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
