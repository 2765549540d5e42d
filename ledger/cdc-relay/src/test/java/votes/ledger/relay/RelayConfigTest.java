package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

    /** The environment given, plus the one setting the relay has no default for (its database password). */
    static RelayConfig withEnvironment(Map<String, String> environment) {
        return RelayConfig.load(name -> "PG_PASSWORD".equals(name)
                ? environment.getOrDefault(name, "a-generated-password") : environment.get(name));
    }

    @Test
    void withoutADatabasePasswordTheRelayRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> RelayConfig.load(Map.<String, String>of()::get))
                .hasMessageContaining("database.password needs PG_PASSWORD");
    }

    @Test
    void defaultsPointAtTheLocalStack() {
        RelayConfig config = withEnvironment(Map.of());

        Properties engine = config.engine();
        assertThat(engine.getProperty("database.hostname")).isEqualTo("127.0.0.1");
        assertThat(engine.getProperty("database.port")).isEqualTo("5433");
        assertThat(engine.getProperty("database.dbname")).isEqualTo("votes");
        assertThat(engine.getProperty("database.user")).isEqualTo("votes");
        assertThat(engine.getProperty("offset.storage.file.filename")).isEqualTo(".vote/data/cdc-relay/offsets.dat");
        assertThat(config.producer()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(config.httpPort()).isEqualTo(8085);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void environmentOverridesHostsPortsCredentialsAndOffsets() {
        RelayConfig config = withEnvironment(Map.of("PG_HOST", "db.internal", "PG_PORT", "6543", "PG_DATABASE", "ledger",
                "PG_USER", "relay", "PG_PASSWORD", "s3cret", "KAFKA_BOOTSTRAP", "broker:9094", "HTTP_PORT", "9999",
                "QUARKUS_HTTP_HOST", "0.0.0.0", "RELAY_OFFSETS_FILE", "/data/relay/offsets.dat"));

        Properties engine = config.engine();
        assertThat(engine.getProperty("database.hostname")).isEqualTo("db.internal");
        assertThat(engine.getProperty("database.port")).isEqualTo("6543");
        assertThat(engine.getProperty("database.dbname")).isEqualTo("ledger");
        assertThat(engine.getProperty("database.user")).isEqualTo("relay");
        assertThat(engine.getProperty("database.password")).isEqualTo("s3cret");
        assertThat(engine.getProperty("offset.storage.file.filename")).isEqualTo("/data/relay/offsets.dat");
        assertThat(config.producer()).containsEntry("bootstrap.servers", "broker:9094");
        assertThat(config.httpPort()).isEqualTo(9999);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.describe()).contains("database.password=****").doesNotContain("s3cret");
    }

    @Test
    void engineGetsTheConnectorAndOffsetKeysButNoRelayOrProducerKeys() {
        Properties engine = withEnvironment(Map.of()).engine();

        assertThat(engine.getProperty("connector.class")).isEqualTo("votes.ledger.relay.queue.PacedPostgresConnector");
        assertThat(engine.getProperty("plugin.name")).isEqualTo("pgoutput");
        assertThat(engine.getProperty("table.include.list"))
                .isEqualTo("public.tally_deltas,public.polls,public.cdc_heartbeat");
        assertThat(engine.getProperty("offset.storage")).isEqualTo("votes.ledger.relay.offset.DurableFileOffsetStore");
        assertThat(engine.getProperty("poll.interval.ms")).isEqualTo("50");
        assertThat(engine.stringPropertyNames()).noneMatch(key -> key.startsWith("relay.") || key.startsWith("producer."));
    }

    @Test
    void onlyTheConnectorConfirmsLsnsAndTheHeartbeatWritesTheRelaysOwnRow() {
        Properties engine = withEnvironment(Map.of("RELAY_SLOT_NAME", "relay_it_42")).engine();

        assertThat(engine.getProperty("lsn.flush.mode")).isEqualTo("connector");
        assertThat(engine.getProperty("offset.mismatch.strategy")).isEqualTo("trust_offset");
        assertThat(engine.getProperty("slot.name")).isEqualTo("relay_it_42");
        assertThat(engine.getProperty("heartbeat.action.query"))
                .startsWith("INSERT INTO cdc_heartbeat (slot_name, beat_at) VALUES ('relay_it_42', now())");
    }

    @Test
    void restartDelaysAndSlotChecksHaveDefaultsAndFollowTheEnvironment() {
        RelayConfig defaults = withEnvironment(Map.of());
        assertThat(defaults.restartFirst()).hasSeconds(1);
        assertThat(defaults.restartMax()).hasSeconds(30);
        assertThat(defaults.slotCheckInterval()).hasSeconds(10);
        assertThat(defaults.engineName()).isEqualTo("votes-cdc-relay");
        assertThat(defaults.slotDropOnStop()).isFalse();

        RelayConfig tuned = withEnvironment(Map.of("RELAY_RESTART_MAX_MS", "5000", "RELAY_SLOT_CHECK_INTERVAL_MS", "500"));
        assertThat(tuned.restartMax()).hasSeconds(5);
        assertThat(tuned.slotCheckInterval()).hasMillis(500);
    }

    @Test
    void producerWaitsForAllReplicasAndIsIdempotent() {
        Map<String, Object> producer = withEnvironment(Map.of()).producer();

        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(producer.get("value.serializer")).isEqualTo("org.apache.kafka.common.serialization.ByteArraySerializer");
    }

    @Test
    void placeholderWithoutValueOrDefaultIsRefusedByName() {
        assertThatThrownBy(() -> RelayConfig.resolve("database.password", "${NO_SUCH_VARIABLE}", name -> null))
                .hasMessageContaining("NO_SUCH_VARIABLE");
    }

    @Test
    void placeholdersResolveInsideLongerValues() {
        assertThat(RelayConfig.resolve("k", "jdbc://${H:localhost}:${P:1}/x", Map.of("P", "2")::get))
                .isEqualTo("jdbc://localhost:2/x");
    }
}
