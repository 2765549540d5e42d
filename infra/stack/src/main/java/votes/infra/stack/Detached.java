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

    /** A command that ran to its end: its exit code and what it printed, stdout and stderr interleaved. */
    public record Finished(int exitCode, String output) {
    }

    /**
     * Runs a command to completion with these variables on top of ours, whatever its exit code (the caller reads
     * it), stdout and stderr together.
     */
    public static Finished runToEnd(List<String> command, Path workDir, Map<String, String> env, Path scratchDir,
                                    long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return capture(builder, scratchDir, timeoutSeconds, "");
    }

    /** Runs a short command to completion (initdb, storage format, psql); fails with its output. */
    public static String run(List<String> command, Path logFile, long timeoutSeconds) {
        return run(command, Map.of(), logFile, timeoutSeconds);
    }

    /** As {@link #run(List, Path, long)}, with these variables on top of ours (a password libpq reads, say). */
    public static String run(List<String> command, Map<String, String> env, Path logFile, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        Finished finished = capture(builder, logFile.getParent(), timeoutSeconds, "; see " + logFile);
        try {
            Files.writeString(logFile, finished.output(), java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (finished.exitCode() != 0) {
            throw new StackException(String.join(" ", command) + " failed (exit " + finished.exitCode() + "); see "
                    + logFile);
        }
        return finished.output();
    }

    /**
     * Starts the command with stdin from /dev/null and stdout into a temporary file in {@code scratchDir} (so a
     * chatty command cannot block on a full pipe and the timeout holds), waits for its end, returns what it wrote.
     */
    private static Finished capture(ProcessBuilder builder, Path scratchDir, long timeoutSeconds, String onTimeout) {
        String command = String.join(" ", builder.command());
        try {
            Files.createDirectories(scratchDir);
            Path out = Files.createTempFile(scratchDir, "cmd", ".out");
            try {
                Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new StackException(command + " did not end within " + timeoutSeconds + " s" + onTimeout);
                }
                return new Finished(process.exitValue(), Files.readString(out));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command);
        }
    }
}
