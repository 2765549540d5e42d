package votes.ledger.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDC relay: Debezium's embedded engine reading the ledger's WAL (tally_deltas, polls) and {@link KafkaRelay}
 * producing the rows to {@code ledger.tally-deltas} / {@code ledger.polls}. If the engine stops on its own
 * (PostgreSQL gone for longer than Debezium's retries), it is built again after a pause: the relay keeps trying
 * rather than exit, and readiness says so meanwhile.
 *
 * <p>Start: {@code java -cp ledger/cdc-relay/target/votes-cdc-relay.jar:ledger/cdc-relay/target/lib/* votes.ledger.relay.CdcRelay}
 */
public final class CdcRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdcRelay.class);

    private final RelayConfig config;
    private final RelayStatus status = new RelayStatus();
    private final KafkaRelay relay;
    private final HealthServer http;
    private final Thread supervisor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    public CdcRelay(RelayConfig config) {
        this.config = config;
        this.relay = new KafkaRelay(config, status);
        this.http = new HealthServer(config.httpPort(), status);
        this.supervisor = new Thread(this::superviseEngine, "relay-engine");
    }

    public static void main(String[] args) throws InterruptedException {
        RelayConfig config = RelayConfig.load(System::getenv);
        LOG.info("votes-cdc-relay configuration:{}", config.describe());
        CdcRelay relay = new CdcRelay(config);
        Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "relay-shutdown"));
        relay.start();
        relay.awaitStop();
    }

    public CdcRelay start() {
        createOffsetsFolder(config.offsetsFile());
        LOG.info("health on http://0.0.0.0:{}/q/health/ready", http.port());
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
        try {
            while (!closing) {
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
                            if (!success) {
                                status.failed(message);
                                LOG.error("engine stopped: {}", message, error);
                            }
                        })
                        .notifying(relay)
                        .build();
                engine.run();
                if (!closing) {
                    LOG.warn("engine stopped; starting it again in {} ms", config.retryBackoffMs());
                    Thread.sleep(config.retryBackoffMs());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** A clean stop: Debezium flushes the offsets of what Kafka acknowledged (and drops the slot if told to). */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        LOG.info("stopping the relay");
        try {
            DebeziumEngine<RecordChangeEvent<SourceRecord>> current = engine;
            if (current != null) {
                current.close();
            }
            supervisor.join(TimeUnit.SECONDS.toMillis(30));
        } catch (IOException e) {
            LOG.warn("engine did not close cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            relay.close();
            http.close();
            stopped.countDown();
        }
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
