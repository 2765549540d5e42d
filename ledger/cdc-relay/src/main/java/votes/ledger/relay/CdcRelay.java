package votes.ledger.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import votes.ledger.relay.offset.StoredOffset;
import votes.ledger.relay.resume.RelayReset;
import votes.ledger.relay.resume.ResumeCheck;
import votes.ledger.relay.resume.ResumeVerdict;
import votes.ledger.relay.slot.ReplicationSlots;
import votes.ledger.relay.slot.SlotMonitor;
import votes.ledger.relay.slot.SlotReading;

/**
 * The CDC relay: Debezium's embedded engine reading the ledger's WAL (tally_deltas, polls) and {@link KafkaRelay}
 * producing the rows to {@code ledger.tally-deltas} / {@code ledger.polls}.
 *
 * <p>Before each engine start the relay checks that its stored offset can be resumed from the slot
 * ({@link ResumeCheck}); if not, it does not start the engine, stays not ready, sets {@code cdc_relay_resume_failed}
 * and logs one ERROR line per check saying how to recover ({@code --reset}). An engine that stops on its own
 * (PostgreSQL gone for longer than Debezium's retries) is started again. Both retry with a doubling, capped delay.
 *
 * <p>Start: {@code java -cp ledger/cdc-relay/target/votes-cdc-relay.jar:ledger/cdc-relay/target/lib/* votes.ledger.relay.CdcRelay}
 * <br>Reset (relay stopped): the same command with {@code --reset}.
 */
public final class CdcRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdcRelay.class);
    static final String RESET = "--reset";
    private static final String COMMAND = "java -cp 'ledger/cdc-relay/target/votes-cdc-relay.jar:ledger/cdc-relay/target/lib/*'"
            + " votes.ledger.relay.CdcRelay";
    /** How long a close waits for the engine to leave its task-starting phase, during which Debezium refuses to stop. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(30);

    private final RelayConfig config;
    private final RelayStatus status = new RelayStatus();
    private final KafkaRelay relay;
    private final HealthServer http;
    private final SlotMonitor slotMonitor;
    private final RestartDelay restartDelay;
    private final Thread supervisor;
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile String engineOutcome = "";

    public CdcRelay(RelayConfig config) {
        this.config = config;
        this.relay = new KafkaRelay(config, status);
        this.http = new HealthServer(config.httpHost(), config.httpPort(), status);
        this.slotMonitor = new SlotMonitor(replicationSlots(config), status::slot);
        this.restartDelay = new RestartDelay(config.restartFirst(), config.restartMax());
        this.supervisor = new Thread(this::superviseEngine, "relay-engine");
    }

    public static void main(String[] args) throws InterruptedException {
        RelayConfig config = RelayConfig.load(System::getenv);
        if (args.length == 1 && args[0].equals(RESET)) {
            System.exit(reset(config));
        }
        if (args.length > 0) {
            System.err.println("unknown arguments " + Arrays.toString(args) + "; usage: " + COMMAND + " [" + RESET + "]");
            System.exit(2);
        }
        LOG.info("votes-cdc-relay configuration:{}", config.describe());
        CdcRelay relay = new CdcRelay(config);
        Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "relay-shutdown"));
        relay.start();
        relay.awaitStop();
    }

    /**
     * The operator's recovery: drops the slot and deletes the offsets file (the relay must be stopped).
     *
     * @return the exit code: 0 done, 1 refused (the slot is in use), 2 PostgreSQL could not be asked
     */
    static int reset(RelayConfig config) {
        try (ReplicationSlots slots = replicationSlots(config)) {
            System.out.println("cdc-relay reset: " + RelayReset.run(slots, config.offsetsFile()));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("cdc-relay reset refused: " + e.getMessage());
            return 1;
        } catch (SQLException | RuntimeException e) {
            System.err.println("cdc-relay reset failed (nothing deleted unless said above): " + e);
            return 2;
        }
    }

    public CdcRelay start() {
        createOffsetsFolder(config.offsetsFile());
        LOG.info("health on http://0.0.0.0:{}/q/health/ready", http.port());
        slotMonitor.start(config.slotCheckInterval());
        supervisor.start();
        return this;
    }

    public int httpPort() {
        return http.port();
    }

    public boolean ready() {
        return status.ready();
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void superviseEngine() {
        int failures = 0;
        try {
            while (!closing) {
                ResumeVerdict verdict = checkResume();
                if (!verdict.mayStart()) {
                    failures++;
                    status.resumeRefused(verdict.reason());
                    Duration pause = restartDelay.after(failures);
                    LOG.error("cdc-relay cannot resume (check {} in a row, next in {} s): {}. Recover with a fresh"
                                    + " snapshot (safe: consumers skip delta ids they applied): stop the relay, run `{} {}`"
                                    + " with the relay's environment, start it again (ledger/README.md, CDC relay recovery)",
                            failures, pause.toSeconds(), verdict.reason(), COMMAND, RESET);
                    pauseUnlessClosing(pause);
                    continue;
                }
                status.resumeRefused(null);
                LOG.info("starting the engine: {}", verdict.reason());
                long startedAt = System.nanoTime();
                runEngine();
                if (closing) {
                    break;
                }
                // An engine that ran for a while before stopping starts a new streak of failures.
                if (Duration.ofNanos(System.nanoTime() - startedAt).compareTo(restartDelay.max()) > 0) {
                    failures = 0;
                }
                failures++;
                status.engineFailed(engineOutcome);
                Duration pause = restartDelay.after(failures);
                LOG.warn("engine stopped (failure {} in a row): {}; starting it again in {} s",
                        failures, engineOutcome, pause.toSeconds());
                pauseUnlessClosing(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** The stored offset against the slot; a slot PostgreSQL cannot be asked about lets the engine try (and retry). */
    private ResumeVerdict checkResume() {
        Optional<StoredOffset> stored;
        try {
            stored = StoredOffset.in(config.offsetsFile(), config.engineName());
        } catch (RuntimeException e) {
            return new ResumeVerdict(ResumeVerdict.Kind.REFUSE, "the offsets file " + config.offsetsFile()
                    + " cannot be read (" + e.getMessage() + ")");
        }
        SlotReading slot = slotMonitor.readOnce();
        if (!slot.answered()) {
            return new ResumeVerdict(ResumeVerdict.Kind.RESUME, "slot not checked (PostgreSQL: " + slot.error()
                    + "); Debezium checks it when it connects");
        }
        return ResumeCheck.decide(stored, slot.state(), config.slotName());
    }

    private void runEngine() {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(config.engine())
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        LOG.info("engine polling the connector");
                        status.polling(true);
                    }

                    @Override
                    public void pollingStopped() {
                        status.polling(false);
                    }
                })
                .using((success, message, error) -> {
                    status.polling(false);
                    // One line: Debezium has already logged the stack trace of a failure.
                    engineOutcome = success ? "completed: " + message
                            : (error != null ? error.getClass().getSimpleName() + ": " : "") + oneLine(message);
                })
                .notifying(relay)
                .build();
        if (!closing) {
            engine.run();
        }
    }

    private void pauseUnlessClosing(Duration pause) throws InterruptedException {
        closeRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A clean stop: no batch is marked processed any more, then Debezium flushes the offsets file and only then
     * confirms its LSN to the slot (and drops the slot if told to, in which case the offsets file goes too: it
     * points into a slot that no longer exists).
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        closeRequested.countDown();
        LOG.info("stopping the relay");
        relay.stopHandingOver();
        try {
            closeEngine();
            supervisor.join(TimeUnit.SECONDS.toMillis(30));
            if (config.slotDropOnStop() && engine != null) {
                Files.deleteIfExists(config.offsetsFile());
                LOG.info("slot dropped on stop: deleted {}, the next start snapshots", config.offsetsFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("could not delete {}", config.offsetsFile(), e);
        } finally {
            slotMonitor.close();
            relay.close();
            http.close();
            stopped.countDown();
        }
    }

    /** Debezium refuses to close an engine while its task starts (connecting, checking the slot): wait that out. */
    private void closeEngine() throws InterruptedException {
        long deadline = System.nanoTime() + CLOSE_PATIENCE.toNanos();
        while (true) {
            DebeziumEngine<RecordChangeEvent<SourceRecord>> current = engine;
            if (current == null) {
                return;
            }
            try {
                current.close();
                return;
            } catch (IllegalStateException e) {
                boolean starting = String.valueOf(e.getMessage()).contains("starting");
                if (!starting || System.nanoTime() > deadline) {
                    LOG.debug("engine not closed: {}", e.getMessage());
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                LOG.warn("engine did not close cleanly", e);
                return;
            }
        }
    }

    static ReplicationSlots replicationSlots(RelayConfig config) {
        return new ReplicationSlots(config.get("database.hostname"), config.get("database.port"),
                config.get("database.dbname"), config.get("database.user"), config.get("database.password"),
                config.slotName(), config.slotCheckTimeoutSeconds());
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ');
    }

    private static void createOffsetsFolder(Path offsets) {
        Path parent = offsets.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + parent, e);
        }
    }
}
