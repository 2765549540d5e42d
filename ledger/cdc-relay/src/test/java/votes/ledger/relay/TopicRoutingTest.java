package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.Configuration;
import io.debezium.data.Envelope;
import io.debezium.data.Json;
import io.debezium.data.Uuid;
import io.debezium.embedded.Transformations;
import io.debezium.time.ZonedTimestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The configured transform chain and converters, applied the way the engine applies them, to change events shaped
 * like the PostgreSQL connector's: the contract's topics and flat row JSON come out.
 */
class TopicRoutingTest {

    private static final Instant COMMITTED = Instant.parse("2026-11-21T12:00:00.123Z");
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("ts_ms", Schema.INT64_SCHEMA).field("table", Schema.STRING_SCHEMA).build();
    private static final Schema DELTA = SchemaBuilder.struct().name("ledger.public.tally_deltas.Value")
            .field("delta_id", Uuid.builder().build()).field("poll_id", Schema.STRING_SCHEMA)
            .field("option_id", Schema.STRING_SCHEMA).field("vote_count", Schema.INT32_SCHEMA)
            .field("created_at", ZonedTimestamp.builder().build())
            .field("traceparent", Schema.OPTIONAL_STRING_SCHEMA).build();
    /** What the connector keys a delta by under message.key.columns: its poll, not its primary key. */
    private static final Schema DELTA_KEY = SchemaBuilder.struct().name("ledger.public.tally_deltas.Key")
            .field("poll_id", Schema.STRING_SCHEMA).build();
    private static final Schema POLL = SchemaBuilder.struct().name("ledger.public.polls.Value")
            .field("poll_id", Schema.STRING_SCHEMA).field("title", Schema.STRING_SCHEMA)
            .field("options", Json.builder().build())
            .field("opens_at", ZonedTimestamp.builder().optional().build())
            .field("closes_at", ZonedTimestamp.builder().optional().build())
            .field("closed_at", ZonedTimestamp.builder().optional().build())
            .field("created_at", ZonedTimestamp.builder().build()).build();
    private static final Schema POLL_KEY = SchemaBuilder.struct().name("ledger.public.polls.Key")
            .field("poll_id", Schema.STRING_SCHEMA).build();

    private final Properties engine = RelayConfigTest.withEnvironment(Map.of()).engine();
    /** The engine's own transform chain (predicates included), built from the relay's configuration. */
    private final Transformations chain = new Transformations(Configuration.from(engine));
    private final ConnectRecords records = new ConnectRecords(engine);

    @AfterEach
    void close() throws IOException {
        chain.close();
    }

    @Test
    void insertedDeltaGoesToLedgerTallyDeltasAsTheFlatRow() {
        ProducerRecord<byte[], byte[]> out = records.toKafka(apply(delta(null)));

        assertThat(out.topic()).isEqualTo("ledger.tally-deltas");
        assertThat(text(out.key())).as("keyed by its poll").isEqualTo("p1");
        assertThat(text(out.value())).isEqualTo("{\"delta_id\":\"0193a1b2-0000-7000-8000-000000000001\","
                + "\"poll_id\":\"p1\",\"option_id\":\"a\",\"vote_count\":3,\"created_at\":\"2026-11-21T12:00:00.1Z\"}");
        assertThat(text(out.headers().lastHeader(ConnectRecords.COMMIT_TIME_HEADER).value()))
                .isEqualTo(Long.toString(COMMITTED.toEpochMilli()));
        assertThat(out.headers().lastHeader("traceparent").value()).as("an untraced delta's header has no value")
                .isNull();
    }

    @Test
    void aTracedDeltasTraceparentLeavesTheRowForTheRecordsHeader() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        ProducerRecord<byte[], byte[]> out = records.toKafka(apply(delta(traceparent)));

        assertThat(text(out.headers().lastHeader("traceparent").value())).isEqualTo(traceparent);
        assertThat(text(out.value())).as("the row JSON keeps the contract's shape").doesNotContain("traceparent")
                .isEqualTo("{\"delta_id\":\"0193a1b2-0000-7000-8000-000000000001\",\"poll_id\":\"p1\","
                        + "\"option_id\":\"a\",\"vote_count\":3,\"created_at\":\"2026-11-21T12:00:00.1Z\"}");
    }

    /** An inserted tally_deltas row as Debezium reads it, with the ledger's traceparent column (V11). */
    private static SourceRecord delta(String traceparent) {
        Struct row = new Struct(DELTA).put("delta_id", "0193a1b2-0000-7000-8000-000000000001").put("poll_id", "p1")
                .put("option_id", "a").put("vote_count", 3).put("created_at", "2026-11-21T12:00:00.1Z")
                .put("traceparent", traceparent);
        return change("tally_deltas", DELTA_KEY, new Struct(DELTA_KEY).put("poll_id", row.get("poll_id")),
                Envelope.defineSchema().withName("ledger.public.tally_deltas.Envelope").withRecord(DELTA)
                        .withSource(SOURCE).build().create(row, source("tally_deltas"), COMMITTED));
    }

    @Test
    void changedPollGoesToLedgerPollsWithOptionsAsJsonTextAndIsoTimestamps() {
        Struct before = poll(null);
        Struct after = poll("2026-11-21T13:00:00Z");
        SourceRecord change = change("polls", POLL_KEY, new Struct(POLL_KEY).put("poll_id", "p1"),
                Envelope.defineSchema().withName("ledger.public.polls.Envelope").withRecord(POLL).withSource(SOURCE)
                        .build().update(before, after, source("polls"), COMMITTED));

        ProducerRecord<byte[], byte[]> out = records.toKafka(apply(change));

        assertThat(out.topic()).isEqualTo("ledger.polls");
        assertThat(text(out.key())).isEqualTo("p1");
        assertThat(text(out.value())).isEqualTo("{\"poll_id\":\"p1\",\"title\":\"Lunch?\","
                + "\"options\":\"[{\\\"id\\\": \\\"a\\\", \\\"label\\\": \\\"Pizza\\\"}]\",\"opens_at\":null,"
                + "\"closes_at\":null,\"closed_at\":\"2026-11-21T13:00:00Z\",\"created_at\":\"2026-11-21T12:00:00Z\"}");
    }

    @Test
    void aPollsDeltaAndItsPollRowCarryTheSameKeyBytesSoTheyShareAPartitionNumber() {
        SourceRecord pollChange = change("polls", POLL_KEY, new Struct(POLL_KEY).put("poll_id", "p1"),
                Envelope.defineSchema().withName("ledger.public.polls.Envelope").withRecord(POLL).withSource(SOURCE)
                        .build().create(poll(null), source("polls"), COMMITTED));

        byte[] deltaKey = records.toKafka(apply(delta(null))).key();
        byte[] pollKey = records.toKafka(apply(pollChange)).key();

        assertThat(deltaKey).isEqualTo(pollKey).isEqualTo("p1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deletedRowIsDropped() {
        Struct row = poll(null);
        SourceRecord change = change("polls", POLL_KEY, new Struct(POLL_KEY).put("poll_id", "p1"),
                Envelope.defineSchema().withName("ledger.public.polls.Envelope").withRecord(POLL).withSource(SOURCE)
                        .build().delete(row, source("polls"), COMMITTED));

        assertThat(apply(change)).isNull();
    }

    @Test
    void heartbeatKeepsItsOwnTopicSoTheRelayCanSkipIt() {
        Schema key = SchemaBuilder.struct().name("io.debezium.connector.common.ServerNameKey")
                .field("serverName", Schema.STRING_SCHEMA).build();
        Schema value = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord heartbeat = new SourceRecord(Map.of("server", "ledger"), Map.of("lsn", 1L),
                "__debezium-heartbeat.ledger", null, key, new Struct(key).put("serverName", "ledger"), value,
                new Struct(value).put("ts_ms", 1L));

        SourceRecord out = apply(heartbeat);

        assertThat(out.topic()).startsWith(RelayConfigTest.withEnvironment(Map.of()).skippedTopicPrefix());
    }

    @Test
    void heartbeatTableRowIsDroppedBeforeAnyTopic() {
        Schema row = SchemaBuilder.struct().name("ledger.public.cdc_heartbeat.Value")
                .field("slot_name", Schema.STRING_SCHEMA).field("beat_at", ZonedTimestamp.builder().build()).build();
        Schema rowKey = SchemaBuilder.struct().name("ledger.public.cdc_heartbeat.Key")
                .field("slot_name", Schema.STRING_SCHEMA).build();
        Struct after = new Struct(row).put("slot_name", "votes_cdc_relay").put("beat_at", "2026-11-21T12:00:00Z");
        SourceRecord change = change("cdc_heartbeat", rowKey, new Struct(rowKey).put("slot_name", "votes_cdc_relay"),
                Envelope.defineSchema().withName("ledger.public.cdc_heartbeat.Envelope").withRecord(row)
                        .withSource(SOURCE).build().update(after, after, source("cdc_heartbeat"), COMMITTED));

        assertThat(apply(change)).isNull();
    }

    private Struct poll(String closedAt) {
        return new Struct(POLL).put("poll_id", "p1").put("title", "Lunch?")
                .put("options", "[{\"id\": \"a\", \"label\": \"Pizza\"}]").put("closed_at", closedAt)
                .put("created_at", "2026-11-21T12:00:00Z");
    }

    private static Struct source(String table) {
        return new Struct(SOURCE).put("ts_ms", COMMITTED.toEpochMilli()).put("table", table);
    }

    private static SourceRecord change(String table, Schema keySchema, Struct key, Struct envelope) {
        return new SourceRecord(Map.of("server", "ledger"), Map.of("lsn", 42L), "ledger.public." + table, null,
                keySchema, key, envelope.schema(), envelope);
    }

    private SourceRecord apply(SourceRecord record) {
        return chain.transform(record);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
