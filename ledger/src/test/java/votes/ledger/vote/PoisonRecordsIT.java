package votes.ledger.vote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.send;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.deadletter.DeadLetter;
import votes.events.deadletter.DeadLetterReason;
import votes.events.id.EventIds;
import votes.events.key.PartitionKeys;
import votes.events.topic.Topics;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.DeadLetters;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;

/**
 * Poison in the middle of the log (issue 8): records that are no vote, or a vote PostgreSQL cannot store, or a vote
 * for an unknown poll stamped in the future, stall nothing. Each goes to votes.dead-letter with its bytes, a record
 * with an event id becomes a malformed (or poll-not-found) rejection, and the votes behind it are recorded.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PoisonRecordsIT {

    private static final int LATER_VOTES = 200;

    @Inject
    Pool pool;

    @Test
    void poisonIsDeadLetteredAndRejectedWhileTheVotesAfterItAreRecorded() {
        String pollId = createPoll();
        Instant now = Instant.now();
        Map<String, Sent> poison = new HashMap<>();
        UUID nulId = EventIds.next();
        poison.put("nul", sent(key(pollId, "nul"), EventCodec.encode(VoteSubmitted.of(nulId, pollId, "vo\u0000ter", "a",
                now, null, null)), DeadLetterReason.MALFORMED, nulId));
        UUID farId = EventIds.next();
        poison.put("year 300000", sent(key(pollId, "far"), json("{\"schemaVersion\":1,\"eventId\":\"" + farId
                + "\",\"pollId\":\"" + pollId + "\",\"voterId\":\"far\",\"optionId\":\"b\","
                + "\"submittedAt\":\"+300000-01-01T00:00:00Z\"}"), DeadLetterReason.MALFORMED, farId));
        UUID missingId = EventIds.next();
        poison.put("no voterId", sent(key(pollId, "missing"), json("{\"schemaVersion\":1,\"eventId\":\"" + missingId
                + "\",\"pollId\":\"" + pollId + "\",\"optionId\":\"a\",\"submittedAt\":\"" + now + "\"}"),
                DeadLetterReason.UNDECODABLE, missingId));
        poison.put("garbage", sent(key(pollId, "garbage"), json("<html>not a vote</html>"), DeadLetterReason.UNDECODABLE,
                null));
        UUID newerId = EventIds.next();
        poison.put("schema 2", sent(key(pollId, "newer"), json("{\"schemaVersion\":2,\"eventId\":\"" + newerId
                + "\",\"pollId\":\"" + pollId + "\",\"voterId\":\"newer\",\"optionId\":\"a\",\"submittedAt\":\"" + now
                + "\"}"), DeadLetterReason.UNKNOWN_SCHEMA_VERSION, newerId));
        // Not poison, but it used to stall its partition for ever: an unknown poll and a time a day ahead.
        VoteSubmitted future = vote("nope-" + UUID.randomUUID(), newSubject("future"), "a", now.plus(Duration.ofDays(1)));
        append(future);

        List<VoteSubmitted> later = new ArrayList<>();
        for (int i = 0; i < LATER_VOTES; i++) {
            VoteSubmitted vote = vote(pollId, newSubject("later-" + i), i % 2 == 0 ? "a" : "b", Instant.now());
            append(vote);
            later.add(vote);
        }

        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> tables.votes(pollId).size() == LATER_VOTES);
        assertThat(tables.votes(pollId)).extracting(LedgerTables.VoteRow::eventId)
                .containsExactlyInAnyOrderElementsOf(later.stream().map(VoteSubmitted::eventId).toList());

        await().atMost(patience()).until(() -> rejection(future.eventId()) != null);
        assertThat(rejection(future.eventId()).getString("reason")).isEqualTo("poll-not-found");

        Row nul = rejection(nulId);
        assertThat(nul.getString("reason")).isEqualTo("malformed");
        assertThat(nul.getString("poll_id")).isEqualTo(pollId);
        assertThat(nul.getString("voter_id")).isNull();
        assertThat(nul.getString("option_id")).isEqualTo("a");
        Row far = rejection(farId);
        assertThat(far.getString("reason")).isEqualTo("malformed");
        assertThat(far.getString("voter_id")).isEqualTo("far");
        assertThat(far.getOffsetDateTime("submitted_at")).isNull();
        Row missing = rejection(missingId);
        assertThat(missing.getString("reason")).isEqualTo("malformed");
        assertThat(missing.getString("voter_id")).isNull();
        assertThat(missing.getInteger("kafka_partition")).isEqualTo(poison.get("no voterId").at().partition());
        assertThat(missing.getLong("kafka_offset")).isEqualTo(poison.get("no voterId").at().offset());
        // A newer producer's vote is kept for a ledger that understands it, not judged by this one.
        assertThat(rejection(newerId)).isNull();

        Map<String, ConsumerRecord<byte[], byte[]>> letters = deadLetters(poison.size());
        poison.forEach((what, sent) -> {
            ConsumerRecord<byte[], byte[]> record = letters.get(sent.at().partition() + "@" + sent.at().offset());
            assertThat(record).as(what + " in " + Topics.VOTES_DEAD_LETTER).isNotNull();
            DeadLetter letter = DeadLetter.fromHeaders(name -> {
                var header = record.headers().lastHeader(name);
                return header == null ? null : header.value();
            });
            assertThat(letter.reason()).as(what).isEqualTo(sent.reason());
            assertThat(letter.sourceTopic()).isEqualTo(Topics.VOTES_SUBMITTED);
            assertThat(letter.eventId()).as(what).isEqualTo(sent.eventId());
            assertThat(letter.detail()).as(what).isNotBlank();
            assertThat(record.value()).as(what + ": the original bytes").isEqualTo(sent.value());
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(sent.key());
        });

        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ledger_dead_letters_total{reason=\"malformed\""));
    }

    private record Sent(String key, byte[] value, RecordMetadata at, DeadLetterReason reason, UUID eventId) {
    }

    private static Sent sent(String key, byte[] value, DeadLetterReason reason, UUID eventId) {
        return new Sent(key, value, send(key, value), reason, eventId);
    }

    /** Keyed like ingest keys a vote of this voter, so the poison lands among real votes. */
    private static String key(String pollId, String voter) {
        return PartitionKeys.vote(pollId, LedgerFixture.VOTER_IDS.of(voter));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Row rejection(UUID eventId) {
        var rows = pool.preparedQuery("SELECT * FROM rejections WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    /** Every letter of votes.dead-letter by its source position, once at least {@code expected} are there. */
    private static Map<String, ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        return DeadLetters.readUntil(LocalStackResource.stack().kafkaClientProperties(), patience(),
                letters -> letters.size() >= expected);
    }
}
