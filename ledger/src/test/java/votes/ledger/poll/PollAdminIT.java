package votes.ledger.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.codec.PollEventSerializer;
import votes.events.id.EventIds;
import votes.events.poll.PollCreated;
import votes.events.poll.PollEvent;
import votes.events.poll.PollOption;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PollAdminIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<Map<String, String>> OPTIONS = List.of(
            Map.of("id", "a", "label", "Pizza"), Map.of("id", "b", "label", "Soup"));

    @Inject
    Pool pool;

    @Test
    void createdPollIsReturnedWithLocationAndStatus() {
        String location = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Lunch?", "options", OPTIONS))
                .post("/api/v1/polls")
                .then().statusCode(201)
                .header("X-Request-Id", notNullValue())
                .body("title", equalTo("Lunch?"))
                .body("status", equalTo("open"))
                .body("options[1].label", equalTo("Soup"))
                .extract().header("Location");
        assertThat(location).startsWith("/api/v1/polls/");
        String pollId = location.substring("/api/v1/polls/".length());

        String shown = given().get(location).then().statusCode(200)
                .body("pollId", equalTo(pollId))
                .body("status", equalTo("open"))
                .extract().asString();
        // Quarkus writes the body; the contract's codec (whose frozen sample pins the format) writes the same bytes.
        assertThat(shown).isEqualTo(EventCodec.toJson(EventCodec.decodePollView(shown)));
        List<String> newestFirst = given().get("/api/v1/polls").then().statusCode(200).extract().path("pollId");
        assertThat(newestFirst.get(0)).isEqualTo(pollId);
    }

    @Test
    void scheduledPollSaysScheduled() {
        Instant opensAt = Instant.now().plus(1, ChronoUnit.HOURS);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Later", "options", OPTIONS, "opensAt", opensAt.toString()))
                .post("/api/v1/polls")
                .then().statusCode(201).body("status", equalTo("scheduled"));
    }

    @Test
    void closingAPollAnswersClosedAndIsIdempotent() {
        String pollId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Close me", "options", OPTIONS))
                .post("/api/v1/polls").then().statusCode(201).extract().path("pollId");

        String closedAt = given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", pollId)
                .then().statusCode(200)
                .body("status", equalTo("closed"))
                .extract().path("closedAt");
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", pollId)
                .then().statusCode(200).body("closedAt", equalTo(closedAt));
        given().get("/api/v1/polls/{id}", pollId).then().statusCode(200).body("status", equalTo("closed"));
    }

    @Test
    void malformedPollIsRefusedAndNothingIsStored() {
        long before = new LedgerTables(pool).polls();

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "", "options", List.of(Map.of("id", "A!", "label", "x"))))
                .post("/api/v1/polls")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/malformed-request"))
                .body("violations.size()", equalTo(3));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"t\", \"options\": [")
                .post("/api/v1/polls")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/malformed-request"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "t", "options", OPTIONS, "opensAt", "tomorrow"))
                .post("/api/v1/polls")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "t", "options", OPTIONS,
                        "opensAt", "2030-01-01T12:00:00Z", "closesAt", "2030-01-01T11:00:00Z"))
                .post("/api/v1/polls")
                .then().statusCode(400).contentType(PROBLEM_JSON);

        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);
    }

    @Test
    void creatingOrClosingWithoutTokenIs401AndWithoutAdminGroupIs403() {
        long before = new LedgerTables(pool).polls();

        given().contentType(ContentType.JSON).body(Map.of("title", "t", "options", OPTIONS))
                .post("/api/v1/polls")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/unauthenticated"));
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body(Map.of("title", "t", "options", OPTIONS))
                .post("/api/v1/polls")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().oauth2(token("voter-1", "voter")).contentType(ContentType.JSON)
                .body(Map.of("title", "t", "options", OPTIONS))
                .post("/api/v1/polls")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/forbidden"));
        given().auth().oauth2(token("voter-1", "voter")).post("/api/v1/polls/{id}/close", "whatever")
                .then().statusCode(403).contentType(PROBLEM_JSON);

        assertThat(new LedgerTables(pool).polls()).isEqualTo(before);
    }

    @Test
    void unknownPollIs404PollNotFound() {
        given().get("/api/v1/polls/{id}", "nope").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/poll-not-found"));
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", "nope")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/poll-not-found"));
    }

    @Test
    void pollAppendedOnlyToTheLogAppearsInTheLedger() throws Exception {
        PollCreated created = PollCreated.of(EventIds.next(), EventIds.next().toString(), "From the log",
                List.of(new PollOption("x", "X"), new PollOption("y", "Y")), null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        Properties config = new Properties();
        config.putAll(LocalStackResource.stack().kafkaClientProperties());
        try (KafkaProducer<String, PollEvent> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new PollEventSerializer())) {
            producer.send(new ProducerRecord<>("poll-events", created.pollId(), created)).get(10, TimeUnit.SECONDS);
        }

        await().atMost(patience()).until(() -> given().get("/api/v1/polls/{id}", created.pollId()).statusCode() == 200);
        given().get("/api/v1/polls/{id}", created.pollId()).then().body("title", equalTo("From the log"));
    }

    @Test
    void readinessCoversKafkaAndPostgres() {
        List<String> checks = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().path("checks.name");
        assertThat(checks).anyMatch(name -> name.toLowerCase().contains("kafka"));
        assertThat(checks).anyMatch(name -> name.toLowerCase().contains("postgres")
                || name.toLowerCase().contains("database"));
        assertThat(checks).noneMatch(name -> name.toLowerCase().contains("redis"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
