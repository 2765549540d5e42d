package votes.infra.test.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless Chromium for browser tests, installed through apt on first use so a fresh CI machine
 * gets it (root only). Never a browser download by a test tool: this machine reaches no network but the package
 * registries. Without its recommended packages (a desktop's: udev and a systemd upgrade, printer setup, a
 * notification daemon, xdg-utils' Perl modules), which a headless browser never uses and which took most of the
 * install's minute beside the suite's tests; fonts-liberation is kept so screenshots show text.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /**
     * Installs Chromium if it is missing and we may.
     *
     * @return null when Chromium is ready, else why a browser test cannot run here (for an assumption)
     */
    public static synchronized String unavailable() throws Exception {
        if (Files.isExecutable(EXECUTABLE)) {
            return null;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "no " + EXECUTABLE + " and not root to apt-get install chromium";
        }
        Commands.run(Path.of("."), 900, "sh", "-c",
                "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends"
                        + " chromium fonts-liberation");
        return Files.isExecutable(EXECUTABLE) ? null : "apt-get install chromium did not provide " + EXECUTABLE;
    }
}
