package votes.infra.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import votes.infra.postgres.PostgresServer;
import votes.infra.service.ServiceEnv;
import votes.infra.service.ServiceProcess;
import votes.infra.service.ServiceSpec;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/**
 * {@code ./vote relay reset}: the documented recovery of a CDC relay that cannot resume (ledger/README.md, "CDC
 * relay"): the relay is stopped, {@code CdcRelay --reset} runs as a process with the relay's own environment (it
 * drops the replication slot and deletes the offsets file), and the relay is started again, so it snapshots
 * {@code tally_deltas} and {@code polls} whole and streams from a new slot.
 */
public final class RelayReset {

    /** The reset's own exit codes, which the command passes on: done, refused (slot in use), PostgreSQL unreachable. */
    public static final int DONE = 0;
    public static final int REFUSED = 1;
    public static final int COULD_NOT_RUN = 2;

    /**
     * After a stop, PostgreSQL's walsender may hold the slot a moment longer; a reset refused that long after the
     * relay stopped is someone else's relay.
     */
    private static final Duration SLOT_RELEASE = Duration.ofSeconds(15);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    private static final long RESET_TIMEOUT_SECONDS = 60;
    private static final String LOG = ServiceSpec.CDC_RELAY.name();

    private final StackSettings settings;
    private final Consumer<String> progress;

    public RelayReset(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param start start the relay again after a reset (it snapshots, then streams)
     * @return the exit code: {@link #DONE}, {@link #REFUSED} or {@link #COULD_NOT_RUN}
     * @throws StackException when it could not run at all (relay not built, PostgreSQL down)
     */
    public int run(boolean start) throws InterruptedException {
        ServiceProcess relay = new ServiceProcess(settings, ServiceSpec.CDC_RELAY);
        if (!relay.isBuilt()) {
            throw new StackException("the relay is not built (" + ServiceSpec.CDC_RELAY.jar(settings.repoRoot())
                    + " missing): ./mvnw -q -pl ledger/cdc-relay -am package -DskipTests");
        }
        PostgresServer postgres = new PostgresServer(settings, note -> { });
        if (!postgres.isUp()) {
            throw new StackException("the stack's PostgreSQL (port " + postgres.port() + ") is not running: the reset"
                    + " drops the relay's slot there; start it with ./vote up");
        }
        long pid = relay.pid().orElse(-1);
        if (pid > 0 && Probes.alive(pid)) {
            relay.stop();
            progress.accept("cdc-relay stopped (pid " + pid + ")");
        } else {
            progress.accept("cdc-relay is not running");
        }

        long deadline = System.nanoTime() + SLOT_RELEASE.toNanos();
        Result result = reset();
        while (result.exitCode() == REFUSED && System.nanoTime() < deadline) {
            Thread.sleep(RETRY_EVERY.toMillis());
            result = reset();
        }
        result.output().forEach(line -> progress.accept("  " + line));
        if (result.exitCode() != DONE) {
            progress.accept(result.exitCode() == REFUSED
                    ? "reset refused: a relay still holds the slot (another relay on this database?); stop it and run"
                            + " ./vote relay reset again"
                    : "reset failed: PostgreSQL could not be asked (see above); nothing was deleted unless said above");
            return result.exitCode();
        }
        if (!start) {
            progress.accept("reset done; start the relay with ./vote up (it snapshots tally_deltas and polls, then"
                    + " streams)");
            return DONE;
        }
        progress.accept("starting cdc-relay: a fresh snapshot of tally_deltas and polls, then streaming ...");
        try {
            progress.accept("cdc-relay " + relay.start());
        } catch (StackException e) {
            long after = relay.pid().orElse(-1);
            if (after > 0 && Probes.alive(after)) {
                progress.accept("cdc-relay runs (pid " + after + ") but is not ready yet: a big ledger takes long to"
                        + " snapshot; ./vote status shows when it is (" + e.getMessage() + ")");
                return DONE;
            }
            progress.accept("cdc-relay did not start: " + e.getMessage());
            return COULD_NOT_RUN;
        }
        return DONE;
    }

    private record Result(int exitCode, List<String> output) {
    }

    /** {@code CdcRelay --reset} with the environment the stack gives the relay (PG_*, RELAY_OFFSETS_FILE …). */
    private Result reset() {
        List<String> command = ManagedProcess.toolCommand();
        command.addAll(ServiceSpec.CDC_RELAY.launchArguments(settings.repoRoot()));
        command.add("--reset");
        Path log = settings.logFile(LOG);
        Detached.Finished finished = Detached.runToEnd(command, settings.home(),
                ServiceEnv.of(settings, ServiceSpec.CDC_RELAY, settings.ports().relay()), log.getParent(), RESET_TIMEOUT_SECONDS);
        try {
            // The relay's log keeps what was done to its slot and offsets.
            Files.writeString(log, finished.output(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(finished.exitCode(), finished.output().lines().filter(l -> !l.isBlank()).toList());
    }
}
