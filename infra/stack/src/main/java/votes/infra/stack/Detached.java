package votes.infra.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a server process that outlives the launcher: its own session (setsid, so Ctrl-C on the CLI
 * does not reach it), stdin from /dev/null, stdout+stderr appended to its log file.
 */
public final class Detached {

    private Detached() {
    }

    public static Process start(List<String> command, Path logFile, Path workDir, Map<String, String> env) {
        try {
            Files.createDirectories(logFile.getParent());
            List<String> full = new ArrayList<>();
            if (new File("/usr/bin/setsid").canExecute()) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0), e);
        }
    }

    /** Runs a short command to completion (initdb, storage format, psql); fails with its output. */
    public static String run(List<String> command, Path logFile, long timeoutSeconds) {
        try {
            Files.createDirectories(logFile.getParent());
            Path out = Files.createTempFile(logFile.getParent(), "cmd", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
                if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new StackException(String.join(" ", command) + " timed out; see " + logFile);
                }
                String stdout = Files.readString(out);
                Files.writeString(logFile, stdout, java.nio.file.StandardOpenOption.APPEND);
                if (process.exitValue() != 0) {
                    throw new StackException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "); see " + logFile);
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command.get(0));
        }
    }
}
