package votes.realtime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium and playwright-core for BrowserIT, installed on first use so a fresh CI machine gets
 * them: Debian's chromium through apt (root only; a minute or so), playwright-core through npm into target/.
 * Never a browser download by a test tool (no network but the package registries).
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    /** @return null when ready, else why the browser test cannot run here */
    static String ensureChromium() throws Exception {
        if (Files.isExecutable(CHROMIUM)) {
            return null;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "no " + CHROMIUM + " and not root to apt-get install chromium";
        }
        run(Path.of("."), 900, "sh", "-c",
                "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
        return Files.isExecutable(CHROMIUM) ? null : "apt-get install chromium did not provide " + CHROMIUM;
    }

    /** The driver script in a folder of target/ with playwright-core beside it. */
    static Path ensureDriver() throws Exception {
        Path dir = Path.of(System.getProperty("realtime.target", "target")).resolve("browser");
        Path sources = Path.of(System.getProperty("realtime.browser.dir", "src/test/browser"));
        Files.createDirectories(dir);
        Files.copy(sources.resolve("results-page.mjs"), dir.resolve("results-page.mjs"), StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            Files.writeString(dir.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}\n");
            run(dir, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "playwright-core@1");
        }
        return dir;
    }

    private static void run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command));
        }
    }
}
