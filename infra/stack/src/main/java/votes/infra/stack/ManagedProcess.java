package votes.infra.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The common half of every component: pid/port files, liveness, stopping by PID. */
public abstract class ManagedProcess implements Component {

    protected final StackSettings settings;
    protected final RunFiles runFiles;

    protected ManagedProcess(StackSettings settings) {
        this.settings = settings;
        this.runFiles = new RunFiles(settings.runDir());
    }

    @Override
    public OptionalLong pid() {
        return runFiles.pid(name());
    }

    /** Pid alive and port answering; a stale pid file (reboot, kill -9) counts as down. */
    @Override
    public boolean isUp() {
        OptionalLong pid = pid();
        return pid.isPresent() && Probes.alive(pid.getAsLong()) && Probes.portAccepts(port());
    }

    @Override
    public final String start() {
        if (isUp()) {
            return "already up on 127.0.0.1:" + port();
        }
        // A recorded process that is alive but not answering (half-started, hung) is replaced.
        pid().ifPresent(stale -> Stopper.stop(stale, stopSignal(), Duration.ofSeconds(5)));
        return launch();
    }

    /** Starts the process, waits until it serves, records its pid and port. */
    protected abstract String launch();

    /** The signal for a clean shutdown; PostgreSQL wants INT (fast), the rest TERM. */
    protected String stopSignal() {
        return "TERM";
    }

    protected Duration stopGrace() {
        return Duration.ofSeconds(15);
    }

    @Override
    public boolean stop() {
        OptionalLong pid = pid();
        boolean stopped = pid.isPresent() && Stopper.stop(pid.getAsLong(), stopSignal(), stopGrace());
        runFiles.forget(name());
        return stopped;
    }

    @Override
    public void kill9() {
        pid().ifPresent(Stopper::kill9);
    }

    protected void record(long pid) {
        runFiles.record(name(), pid, port());
    }

    /** The java binary of this JVM, so child JVMs run the same runtime. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The start of a long-running stack JVM's command line: this runtime's java, the launcher's own options (heap,
     * GC), then {@link JvmOptions#current()}'s {@link JvmOptions#launchFlags()}; mutable, so the launcher appends its
     * classpath and main class.
     */
    protected static List<String> javaCommand(String... options) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(List.of(options));
        command.addAll(JvmOptions.current().launchFlags());
        return command;
    }

    /**
     * The start of a short-lived tool JVM's command line (formatting storage, resetting the relay): this runtime's
     * java, a small heap, the serial collector and C1 only — it exits within seconds, so C2 would compile code that
     * never runs again — and not {@link JvmOptions#current()}, which tunes the long-running servers.
     */
    public static List<String> toolCommand() {
        return new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    protected StackException failed(String what) {
        return new StackException(label() + " " + what + "; see " + settings.logFile(name()));
    }
}
