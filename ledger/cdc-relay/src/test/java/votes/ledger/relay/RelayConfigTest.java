package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

    private static RelayConfig withEnvironment(Map<String, String> environment) {
        return RelayConfig.load(environment::get);
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
    }

    @Test
    void environmentOverridesHostsPortsCredentialsAndOffsets() {
        RelayConfig config = withEnvironment(Map.of("PG_HOST", "db.internal", "PG_PORT", "6543", "PG_DATABASE", "ledger",
                "PG_USER", "relay", "PG_PASSWORD", "s3cret", "KAFKA_BOOTSTRAP", "broker:9094", "HTTP_PORT", "9999",
                "RELAY_OFFSETS_FILE", "/data/relay/offsets.dat"));

        Properties engine = config.engine();
        assertThat(engine.getProperty("database.hostname")).isEqualTo("db.internal");
        assertThat(engine.getProperty("database.port")).isEqualTo("6543");
        assertThat(engine.getProperty("database.dbname")).isEqualTo("ledger");
        assertThat(engine.getProperty("database.user")).isEqualTo("relay");
        assertThat(engine.getProperty("database.password")).isEqualTo("s3cret");
        assertThat(engine.getProperty("offset.storage.file.filename")).isEqualTo("/data/relay/offsets.dat");
        assertThat(config.producer()).containsEntry("bootstrap.servers", "broker:9094");
        assertThat(config.httpPort()).isEqualTo(9999);
        assertThat(config.describe()).contains("database.password=****").doesNotContain("s3cret");
    }

    @Test
    void engineGetsTheConnectorAndOffsetKeysButNoRelayOrProducerKeys() {
        Properties engine = withEnvironment(Map.of()).engine();

        assertThat(engine.getProperty("connector.class")).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
        assertThat(engine.getProperty("plugin.name")).isEqualTo("pgoutput");
        assertThat(engine.getProperty("table.include.list")).isEqualTo("public.tally_deltas,public.polls");
        assertThat(engine.getProperty("offset.storage")).isEqualTo("org.apache.kafka.connect.storage.FileOffsetBackingStore");
        assertThat(engine.getProperty("poll.interval.ms")).isEqualTo("50");
        assertThat(engine.stringPropertyNames()).noneMatch(key -> key.startsWith("relay.") || key.startsWith("producer."));
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
