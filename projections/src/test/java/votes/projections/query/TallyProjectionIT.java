package votes.projections.query;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;
import votes.projections.ProjectionsStack;
import votes.projections.streams.StreamThreadReplacement;
import votes.projections.tally.TallyTopology;

/** The application on a real broker: relay-shaped rows in, tallies out on vote-tallies and over HTTP. */
@QuarkusTest
@QuarkusTestResource(value = ProjectionsStack.class, restrictToAnnotatedClass = true)
class TallyProjectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaProducer<String, String> relay;

    @Inject
    Instance<StreamsUncaughtExceptionHandler> uncaughtExceptionHandlers;

    @BeforeAll
    static void relay() {
        Properties props = new Properties();
        props.putAll(LocalStackResource.stack().kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        relay = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void closeRelay() {
        relay.close();
    }

    @Test
    void relayedRowsBecomeAFinalTallyOnVoteTalliesAndTheQueryAgrees() throws Exception {
        String pollId = "it-" + UUID.randomUUID();
        Instant now = Instant.now();
        String options = "[{\"id\":\"a\",\"label\":\"Apples\"},{\"id\":\"b\",\"label\":\"Bananas\"},"
                + "{\"id\":\"c\",\"label\":\"Cherries\"}]";
        String twice = UUID.randomUUID().toString();

        pollRow(pollId, options, null, now);
        delta(twice, pollId, "a", 3, now);
        delta(UUID.randomUUID().toString(), pollId, "b", 2, now.plusMillis(5));
        delta(twice, pollId, "a", 3, now); // the relay restarted: same row again
        pollRow(pollId, options, now.plusSeconds(1), now);
        relay.flush();

        JsonNode published = awaitFinalTally(pollId, 5);
        assertThat(published.get("title").asText()).isEqualTo("Fruit");
        assertThat(published.get("version").asLong()).as("open row, two deltas, close").isEqualTo(4);
        assertThat(published.get("options").toString()).isEqualTo(
                "[{\"optionId\":\"a\",\"label\":\"Apples\",\"votes\":3},{\"optionId\":\"b\",\"label\":\"Bananas\",\"votes\":2},"
                        + "{\"optionId\":\"c\",\"label\":\"Cherries\",\"votes\":0}]");

        String served = get("/tallies/{id}", pollId).then().statusCode(200).extract().asString();
        assertThat(JSON.readTree(served)).isEqualTo(published);
        get("/tallies").then().statusCode(200).body("find { it.pollId == '" + pollId + "' }.version", equalTo(4));
    }

    @Test
    void unknownPollIsAProblem404() {
        get("/tallies/{id}", "no-such-poll").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://votes.dev/problems/poll-not-found"));
    }

    @Test
    void kafkaStreamsIsHandedTheThreadReplacementForAStreamThreadThatDies() {
        // The bean Quarkus' KafkaStreamsProducer resolves and sets before it starts the client.
        assertThat(uncaughtExceptionHandlers.isResolvable()).isTrue();
        assertThat(uncaughtExceptionHandlers.get()).isInstanceOf(StreamThreadReplacement.class);
    }

    @Test
    void readyWhileKafkaStreamsRuns() {
        await().atMost(PATIENCE).untilAsserted(() -> get("/q/health/ready").then().statusCode(200));
    }

    private static void pollRow(String pollId, String options, Instant closedAt, Instant createdAt) throws Exception {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("poll_id", pollId);
        row.put("title", "Fruit");
        row.put("options", options);
        row.put("opens_at", null);
        row.put("closes_at", null);
        row.put("closed_at", closedAt == null ? null : closedAt.toString());
        row.put("created_at", createdAt.toString());
        relay.send(new ProducerRecord<>(TallyTopology.POLLS_TOPIC, pollId,
                JSON.writeValueAsString(row))).get();
    }

    private static void delta(String deltaId, String pollId, String optionId, int votes, Instant createdAt)
            throws Exception {
        relay.send(new ProducerRecord<>(TallyTopology.DELTAS_TOPIC, pollId,
                JSON.writeValueAsString(Map.of("delta_id", deltaId, "poll_id", pollId, "option_id", optionId,
                        "vote_count", votes, "created_at", createdAt.toString())))).get();
    }

    /** Reads vote-tallies as realtime will (read_committed) until the poll's final tally has every vote. */
    private static JsonNode awaitFinalTally(String pollId, long totalVotes) {
        Properties props = new Properties();
        props.putAll(LocalStackResource.stack().kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TallyTopology.TALLIES_TOPIC));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (pollId.equals(record.key())) {
                        JsonNode tally = JSON.readTree(record.value());
                        if (last.get() != null) {
                            assertThat(tally.get("version").asLong()).isGreaterThan(last.get().get("version").asLong());
                        }
                        last.set(tally);
                    }
                }
                JsonNode tally = last.get();
                return tally != null && tally.get("final").asBoolean() && tally.get("totalVotes").asLong() == totalVotes;
            });
        }
        return last.get();
    }
}
