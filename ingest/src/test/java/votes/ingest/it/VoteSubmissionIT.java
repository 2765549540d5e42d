package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;
import static votes.ingest.it.IngestFixture.votesOn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.key.PartitionKeys;
import votes.events.receipt.PendingReceipt;
import votes.events.key.VoterIds;
import votes.events.vote.VoteSubmitted;
import votes.ingest.poll.PollCache;

@QuarkusTest
@WithTestResource(IngestStackResource.class)
class VoteSubmissionIT {

    @Inject
    PollCache polls;

    @Inject
    Redis redis;

    private String openPoll() {
        return IngestFixture.openPoll(polls);
    }

    static Response vote(String pollId, String token, String body) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .post("/api/v1/polls/{pollId}/votes", pollId);
    }

    static void assertProblem(Response response, int status, String slug) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://votes.dev/problems/" + slug);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aValidVoteIsAcceptedOnlyOnceItIsOnTheLogUnderThePseudonymousVoter() {
        String pollId = openPoll();
        String sub = "alice-" + UUID.randomUUID();
        Response response = given().header("Authorization", "Bearer " + token(sub)).contentType("application/json")
                .header("X-Device-Id", "phone-1").header("User-Agent", "it-agent").body(body("a"))
                .post("/api/v1/polls/{pollId}/votes", pollId);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        String receiptId = response.jsonPath().getString("receiptId");
        assertThat(response.jsonPath().getString("pollId")).isEqualTo(pollId);
        assertThat(response.jsonPath().getString("optionId")).isEqualTo("a");
        assertThat(response.jsonPath().getString("status")).isEqualTo("accepted");
        assertThat(Instant.parse(response.jsonPath().getString("acceptedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(response.header("Location")).isEqualTo("/api/v1/receipts/" + receiptId);
        // Quarkus writes the body; the contract's codec (whose frozen sample pins the format) writes the same bytes.
        assertThat(response.asString())
                .isEqualTo(EventCodec.encode(EventCodec.decodeAcceptedReceipt(response.asString())));

        List<ConsumerRecord<String, VoteSubmitted>> appended = votesOn(pollId);
        assertThat(appended).hasSize(1);
        VoteSubmitted vote = appended.get(0).value();
        String voterId = IngestFixture.VOTER_IDS.of(sub);
        assertThat(vote.voterId()).isEqualTo(voterId).isNotEqualTo(sub).hasSize(43);
        assertThat(appended.get(0).key()).isEqualTo(PartitionKeys.vote(pollId, voterId));
        assertThat(vote.eventId()).hasToString(receiptId);
        assertThat(vote.optionId()).isEqualTo("a");
        assertThat(vote.schemaVersion()).isEqualTo(VoteSubmitted.SCHEMA_VERSION);
        assertThat(vote.voterKeyId()).isEqualTo(IngestFixture.VOTER_IDS.keyId()).isEqualTo(VoterIds.keyIdOf("dev-voter-id-key-change-me"));
        assertThat(vote.client().deviceId()).isEqualTo("phone-1");
        assertThat(vote.client().userAgentHash()).isEqualTo(IngestFixture.CLIENT_HASHES.of("it-agent"));
        assertThat(vote.client().addressHash()).isEqualTo(IngestFixture.CLIENT_HASHES.of("127.0.0.1"));

        // The contract's Redis keys, written after the ack: the dedupe key and the receipt the ledger shows.
        PendingReceipt pending = EventCodec.decodePendingReceipt(redis.send(Request.cmd(Command.GET)
                .arg(PendingReceipt.key(UUID.fromString(receiptId)))).await().indefinitely().toString());
        assertThat(pending.voterId()).isEqualTo(voterId);
        assertThat(pending.pollId()).isEqualTo(pollId);
        assertThat(pending.receiptId()).hasToString(receiptId);
        assertThat(pending.acceptedAt()).isNotNull();
        String slot = "vote:{" + voterId + "}:poll:" + pollId;
        assertThat(redis.send(Request.cmd(Command.GET).arg(slot)).await().indefinitely().toString()).contains(receiptId);
        // No longer the short reservation: the accepted vote keeps the slot for vote.redis.ttl (7 days).
        assertThat(redis.send(Request.cmd(Command.TTL).arg(slot)).await().indefinitely().toLong())
                .isGreaterThan(Duration.ofDays(6).toSeconds());
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneVoterGetOne202AndFortyNine409sNamingItsReceipt() {
        String pollId = openPoll();
        String token = token("olga-" + UUID.randomUUID());

        List<Response> answers = IngestFixture.concurrently(50, i -> vote(pollId, token, body(i % 2 == 0 ? "a" : "b")));

        List<Response> accepted = answers.stream().filter(r -> r.statusCode() == 202).toList();
        assertThat(accepted).as(answers.stream().map(Response::asString).toList().toString()).hasSize(1);
        String receiptId = accepted.get(0).jsonPath().getString("receiptId");
        List<Response> refused = answers.stream().filter(r -> r.statusCode() != 202).toList();
        assertThat(refused).hasSize(49).allSatisfy(r -> {
            assertProblem(r, 409, "duplicate-vote");
            assertThat(r.jsonPath().getString("existingReceiptId")).isEqualTo(receiptId);
        });
        List<ConsumerRecord<String, VoteSubmitted>> appended = votesOn(pollId);
        assertThat(appended).hasSize(1);
        assertThat(appended.get(0).value().eventId()).hasToString(receiptId);
    }

    @Test
    void aRefusedVoteLeavesNoReservationSoTheVoterCanStillVote() {
        String pollId = openPoll();
        String unknownPoll = IngestFixture.newPollId();
        String sub = "pia-" + UUID.randomUUID();
        String token = token(sub);

        assertProblem(vote(pollId, token, body("zz")), 422, "unknown-option");
        assertProblem(vote(unknownPoll, token, body("a")), 404, "poll-not-found");

        assertThat(IngestFixture.redisGet(redis, IngestFixture.slotKey(sub, pollId))).isNull();
        assertThat(IngestFixture.redisGet(redis, IngestFixture.slotKey(sub, unknownPoll))).isNull();
        String receiptId = vote(pollId, token, body("a")).then().statusCode(202).extract().path("receiptId");
        assertThat(votesOn(pollId)).singleElement().satisfies(r -> assertThat(r.value().eventId()).hasToString(receiptId));
    }

    @Test
    void aVoterWhoAlreadyVotedIsRefusedWithTheExistingReceipt() {
        String pollId = openPoll();
        String token = token("bob-" + UUID.randomUUID());
        String first = vote(pollId, token, body("a")).then().statusCode(202).extract().path("receiptId");

        Response again = vote(pollId, token, body("b"));

        assertProblem(again, 409, "duplicate-vote");
        assertThat(again.jsonPath().getString("existingReceiptId")).isEqualTo(first);
        assertThat(votesOn(pollId)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameReceiptAndAppendsOnce() {
        String pollId = openPoll();
        String token = token("carol-" + UUID.randomUUID());
        String key = "retry-" + UUID.randomUUID();
        Response first = given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .contentType("application/json").body(body("b")).post("/api/v1/polls/{pollId}/votes", pollId);
        Response retry = given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .contentType("application/json").body(body("b")).post("/api/v1/polls/{pollId}/votes", pollId);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(votesOn(pollId)).hasSize(1);
        assertThat(votesOn(pollId).get(0).value().idempotencyKey()).isEqualTo(key);
    }

    @Test
    void malformedBodiesAndHeadersAreRefusedAndNothingIsAppended() {
        String pollId = openPoll();
        String token = token("dave-" + UUID.randomUUID());
        assertProblem(vote(pollId, token, "not json"), 400, "malformed-request");
        assertProblem(vote(pollId, token, "{}"), 400, "malformed-request");
        assertProblem(vote(pollId, token, "{\"optionId\":\"" + "a".repeat(41) + "\"}"), 400, "malformed-request");
        assertProblem(given().header("Authorization", "Bearer " + token).header("Idempotency-Key", "k".repeat(101))
                .contentType("application/json").body(body("a")).post("/api/v1/polls/{pollId}/votes", pollId),
                400, "malformed-request");
        assertProblem(vote(pollId, token, "{\"optionId\":\"a\",\"pad\":\"" + "x".repeat(5000) + "\"}"),
                413, "payload-too-large");
        assertProblem(given().header("Authorization", "Bearer " + token).contentType("text/plain").body(body("a"))
                .post("/api/v1/polls/{pollId}/votes", pollId), 415, "unsupported-media-type");
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void aBodyFarOverTheLimitIsStillAProblem() {
        String pollId = openPoll();
        Response response = vote(pollId, token("erin-" + UUID.randomUUID()), "{\"pad\":\"" + "x".repeat(200_000) + "\"}");
        assertProblem(response, 413, "payload-too-large");
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void missingExpiredOrForeignTokensAreUnauthenticatedAndVotersOnlyMayVote() {
        String pollId = openPoll();
        assertProblem(given().contentType("application/json").body(body("a"))
                .post("/api/v1/polls/{pollId}/votes", pollId), 401, "unauthenticated");
        assertProblem(vote(pollId, IngestFixture.expiredToken("frank"), body("a")), 401, "unauthenticated");
        assertProblem(vote(pollId, IngestFixture.badlySignedToken("frank"), body("a")), 401, "unauthenticated");
        assertProblem(vote(pollId, "not.a.jwt", body("a")), 401, "unauthenticated");
        assertProblem(vote(pollId, token("frank", "auditor"), body("a")), 403, "forbidden");
        assertThat(votesOn(pollId)).isEmpty();
    }

    @Test
    void anUnknownPollOrOptionIsRefused() {
        String pollId = openPoll();
        String unknown = IngestFixture.newPollId();
        assertProblem(vote(unknown, token("gina-" + UUID.randomUUID()), body("a")), 404, "poll-not-found");
        assertProblem(vote(pollId, token("gina-" + UUID.randomUUID()), body("zz")), 422, "unknown-option");
        assertThat(votesOn(pollId)).isEmpty();
        assertThat(votesOn(unknown)).isEmpty();
    }

    @Test
    void votesOutsideThePollWindowAreRefused() {
        String later = IngestFixture.newPollId();
        IngestFixture.createPoll(later, Instant.now().plus(Duration.ofHours(1)), null);
        String ended = IngestFixture.newPollId();
        IngestFixture.createPoll(ended, null, null);
        IngestFixture.closePoll(ended);
        await("ingest folds both polls").atMost(IngestFixture.PATIENCE)
                .until(() -> polls.get(later) != null && polls.get(ended) != null && polls.get(ended).closedAt() != null);

        Response notYet = vote(later, token("hank-" + UUID.randomUUID()), body("a"));
        Response closed = vote(ended, token("hank-" + UUID.randomUUID()), body("a"));

        assertProblem(notYet, 422, "poll-not-open");
        assertThat(notYet.jsonPath().getString("pollStatus")).isEqualTo("scheduled");
        assertProblem(closed, 422, "poll-not-open");
        assertThat(closed.jsonPath().getString("pollStatus")).isEqualTo("closed");
        assertThat(votesOn(later)).isEmpty();
        assertThat(votesOn(ended)).isEmpty();
    }

    @Test
    void votesGoToKafkaFromTheEventLoopAndLandKeyedAsThroughTheChannel() {
        String pollId = openPoll();
        double directBefore = appendsBy("direct");
        List<String> subs = List.of("dan-" + UUID.randomUUID(), "eve-" + UUID.randomUUID(), "fay-" + UUID.randomUUID());

        for (String sub : subs) {
            vote(pollId, token(sub), body("b")).then().statusCode(202);
        }

        // The direct producer asked for the topic's metadata at start: it takes every vote, none waits for the channel.
        assertThat(appendsBy("direct")).isEqualTo(directBefore + subs.size());
        List<ConsumerRecord<String, VoteSubmitted>> appended = votesOn(pollId);
        assertThat(appended).hasSize(subs.size());
        for (String sub : subs) {
            String voterId = IngestFixture.VOTER_IDS.of(sub);
            assertThat(appended).filteredOn(r -> r.value().voterId().equals(voterId)).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo(PartitionKeys.vote(pollId, voterId));
                assertThat(r.value().optionId()).isEqualTo("b");
            });
        }
    }

    private static double appendsBy(String route) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher count = Pattern.compile("(?m)^votes_append_route_total\\{[^}]*route=\"" + route + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(count.find()).as("votes_append_route_total for " + route + " in\n" + metrics).isTrue();
        return Double.parseDouble(count.group(1));
    }

    @Test
    void readinessIncludesKafkaAndMetricsCountVotes() {
        String pollId = openPoll();
        String token = token("ivy-" + UUID.randomUUID());
        vote(pollId, token, body("a")).then().statusCode(202);
        vote(pollId, token, body("a")).then().statusCode(409);

        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        // The Kafka channels are the readiness check; Redis is deliberately not one.
        assertThat(ready).contains("Reactive Messaging").contains("votes-submitted").contains("poll-events")
                .doesNotContainIgnoringCase("redis");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("votes_submitted_total").contains("votes_duplicate_total")
                .contains("votes_shed_total{reason=\"concurrency\"").contains("votes_shed_total{reason=\"deadline\"")
                .contains("votes_shed_total{reason=\"append-queue\"").contains("votes_shed_total{reason=\"behind\"")
                .contains("votes_http_in_flight");
        // The votes probed their event loop's lag, with the buckets of vote.overload.lag.buckets.
        assertThat(metrics).containsPattern("votes_loop_lag_seconds_bucket\\{le=\"1\\.0\",?} [1-9]");
        // The 100 ms bucket the k8s alert on slow votes reads (k8s/base/observability/).
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*status=\"202\",uri=\"/api/v1/polls/[^\"]+/votes\",le=\"0\\.1\",?}");
        assertThat(given().get("/q/openapi").then().statusCode(200).extract().asString())
                .contains("/api/v1/polls/{pollId}/votes");
    }
}
