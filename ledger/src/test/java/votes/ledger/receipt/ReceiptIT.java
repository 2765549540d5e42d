package votes.ledger.receipt;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.token;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.receipt.PendingReceipt;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ReceiptIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    RedisDataSource redis;

    @Test
    void ownerSeesTheirRecordedVote() {
        String pollId = createPoll();
        String alice = newSubject("alice");
        Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        VoteSubmitted vote = vote(pollId, alice, "a", submittedAt);
        append(vote);

        awaitStatus(vote.eventId(), token(alice), "recorded");
        given().auth().oauth2(token(alice)).get("/api/v1/receipts/{id}", vote.eventId())
                .then().statusCode(200)
                .body("receiptId", equalTo(vote.eventId().toString()))
                .body("pollId", equalTo(pollId))
                .body("optionId", equalTo("a"))
                .body("reason", nullValue())
                .body("$", hasKey("reason"))
                .body("acceptedAt", equalTo(submittedAt.toString()))
                .body("recordedAt", org.hamcrest.Matchers.notNullValue())
                .body("$", not(hasKey("voterId")))
                // The Merkle leaf, and the chain key (null until a checkpoint covers the leaf; CheckpointIT proves it).
                .body("entry.eventId", equalTo(vote.eventId().toString()))
                .body("entry.optionId", equalTo("a"))
                .body("entry.submittedAt", equalTo(submittedAt.toString()))
                .body("$", hasKey("chain"));
    }

    @Test
    void rejectedVoteShowsItsReason() {
        String pollId = createPoll();
        String bob = newSubject("bob");
        VoteSubmitted first = vote(pollId, bob, "a", Instant.now());
        VoteSubmitted second = vote(pollId, bob, "b", Instant.now());
        append(first);
        append(second);

        awaitStatus(second.eventId(), token(bob), "rejected");
        given().auth().oauth2(token(bob)).get("/api/v1/receipts/{id}", second.eventId())
                .then().statusCode(200)
                .body("reason", equalTo("duplicate"))
                .body("optionId", equalTo("b"))
                .body("$", not(hasKey("recordedAt")))
                .body("$", not(hasKey("entry")))
                .body("$", not(hasKey("chain")));
    }

    @Test
    void voteNotYetInTheLedgerIsAcceptedFromIngestsRedisReceipt() {
        String carol = newSubject("carol");
        UUID receiptId = UUID.randomUUID();
        redis.value(String.class).setex(PendingReceipt.key(receiptId), 60, EventCodec.encode(new PendingReceipt(
                receiptId, "p-pending", "a", votes.ledger.LedgerFixture.VOTER_IDS.of(carol),
                Instant.parse("2026-11-21T12:00:00Z"))));

        given().auth().oauth2(token(carol)).get("/api/v1/receipts/{id}", receiptId)
                .then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("pollId", equalTo("p-pending"))
                .body("acceptedAt", equalTo("2026-11-21T12:00:00Z"));
        given().auth().oauth2(token(newSubject("mallory"))).get("/api/v1/receipts/{id}", receiptId)
                .then().statusCode(404);
    }

    @Test
    void someoneElsesReceiptIsNotFoundButAdminAndAuditorSeeIt() {
        String pollId = createPoll();
        String dave = newSubject("dave");
        VoteSubmitted vote = vote(pollId, dave, "a", Instant.now());
        append(vote);
        awaitStatus(vote.eventId(), token(dave), "recorded");

        given().auth().oauth2(token(newSubject("eve"))).get("/api/v1/receipts/{id}", vote.eventId())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/receipt-not-found"));
        given().auth().oauth2(token("some-admin", "admin")).get("/api/v1/receipts/{id}", vote.eventId())
                .then().statusCode(200).body("status", equalTo("recorded"));
        given().auth().oauth2(token("some-auditor", "auditor")).get("/api/v1/receipts/{id}", vote.eventId())
                .then().statusCode(200).body("status", equalTo("recorded"));
    }

    @Test
    void unknownReceiptIs404AndNoTokenIs401() {
        given().auth().oauth2(token(newSubject("frank"))).get("/api/v1/receipts/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/receipt-not-found"));
        given().auth().oauth2(token(newSubject("frank"))).get("/api/v1/receipts/{id}", "not-a-uuid")
                .then().statusCode(404);
        given().get("/api/v1/receipts/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private static void awaitStatus(UUID receiptId, String token, String status) {
        await().atMost(patience()).until(() -> {
            var response = given().auth().oauth2(token).get("/api/v1/receipts/{id}", receiptId);
            return response.statusCode() == 200 && status.equals(response.path("status"));
        });
    }
}
