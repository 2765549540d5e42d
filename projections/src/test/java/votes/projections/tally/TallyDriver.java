package votes.projections.tally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import votes.events.codec.TallyDeserializer;
import votes.events.tally.Tally;

/** The tally topology on TopologyTestDriver (no broker), fed with rows shaped as the CDC relay writes them. */
final class TallyDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> deltas;
    private final TestInputTopic<String, String> polls;
    private final TestOutputTopic<String, Tally> tallies;

    TallyDriver() {
        this(Duration.ofHours(24));
    }

    TallyDriver(Duration dedupRetention) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "votes-projections-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // Own RocksDB folder per driver: two drivers (or two builds) must not share /tmp/kafka-streams.
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        driver = new TopologyTestDriver(TallyTopology.build(dedupRetention, Duration.ofMillis(100)), config);
        deltas = driver.createInputTopic(TallyTopology.DELTAS_TOPIC,
                Serdes.String().serializer(), Serdes.String().serializer());
        polls = driver.createInputTopic(TallyTopology.POLLS_TOPIC,
                Serdes.String().serializer(), Serdes.String().serializer());
        tallies = driver.createOutputTopic(TallyTopology.TALLIES_TOPIC,
                Serdes.String().deserializer(), new TallyDeserializer());
    }

    private static String stateDir() {
        try {
            Path target = Files.createDirectories(Path.of("target", "tally-driver"));
            return Files.createTempDirectory(target, "state-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new delta row; returns its id (for redelivery). Committed and relayed at {@code at}. */
    String delta(String pollId, String optionId, int votes, Instant at) {
        String deltaId = UUID.randomUUID().toString();
        redeliver(deltaId, pollId, optionId, votes, at, at);
        return deltaId;
    }

    /** The same delta row again, as the relay sends it after a restart: same id and created_at, later record. */
    void redeliver(String deltaId, String pollId, String optionId, int votes, Instant createdAt, Instant relayedAt) {
        keyedDelta(pollId, deltaId, pollId, optionId, votes, createdAt, relayedAt);
    }

    /** A delta row under any key: the relay keys it by its poll id, which the topology checks. */
    void keyedDelta(String key, String deltaId, String pollId, String optionId, int votes, Instant createdAt,
                    Instant relayedAt) {
        deltas.pipeInput(key,
                "{\"delta_id\":\"" + deltaId + "\",\"poll_id\":\"" + pollId + "\",\"option_id\":\"" + optionId
                        + "\",\"vote_count\":" + votes + ",\"created_at\":\"" + createdAt + "\"}",
                relayedAt);
    }

    /** A polls row; {@code options} like {@code [{"id":"a","label":"A"}]}, timestamps null or ISO. */
    void poll(String pollId, String title, String options, Instant closesAt, Instant closedAt, Instant at) {
        polls.pipeInput(pollId,
                "{\"poll_id\":\"" + pollId + "\",\"title\":\"" + title + "\",\"options\":" + quote(options)
                        + ",\"opens_at\":null,\"closes_at\":" + iso(closesAt) + ",\"closed_at\":" + iso(closedAt)
                        + ",\"created_at\":\"" + T0 + "\"}",
                at);
    }

    void rawDelta(String value, Instant at) {
        deltas.pipeInput("p1", value, at);
    }

    /** Everything published to vote-tallies since the last call, oldest first. */
    List<Tally> published() {
        return tallies.readValuesToList();
    }

    Tally stored(String pollId) {
        KeyValueStore<String, Tally> store = driver.getKeyValueStore(TallyTopology.TALLIES_STORE);
        return store.get(pollId);
    }

    private static String iso(Instant t) {
        return t == null ? "null" : "\"" + t + "\"";
    }

    /** The relay sends jsonb as a JSON string. */
    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        driver.close();
    }
}
