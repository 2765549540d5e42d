package votes.infra.test.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs child processes of a test without handing them the test JVM's own stdin/stdout. Under Surefire and
 * Failsafe those are the fork's command channel: node (npm, the browser driver) switches an inherited stdin
 * to non-blocking and writes straight into stdout, which corrupts the channel and fails the build although
 * every test passed. Children get pipes of their own; their output is copied line by line to the test log.
 */
final class Commands {

    private Commands() {
    }

    static void run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        copyToLog(process.getInputStream(), command[0]);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command));
        }
    }

    /** Copies a child's output to System.err (through Java, so the test framework sees it) on a daemon thread. */
    static void copyToLog(InputStream output, String prefix) {
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.err.println("[" + prefix + "] " + line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "child-output-" + prefix);
        copier.setDaemon(true);
        copier.start();
    }
}
