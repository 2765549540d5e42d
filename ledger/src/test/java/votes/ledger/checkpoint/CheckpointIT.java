package votes.ledger.checkpoint;

import votes.proofs.merkle.ReceiptChain;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.token;
import static votes.ledger.LedgerFixture.vote;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.codec.EventCodec;
import votes.proofs.merkle.InclusionProof;
import votes.proofs.merkle.LedgerLeaf;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class CheckpointIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry metrics;

    /** The parts of a receipt a verifier reads. */
    record ProvenReceipt(String status, LedgerLeaf entry, ReceiptChain chain) {
    }

    @Test
    void recordedReceiptCarriesAnInclusionProofThatVerifiesAgainstItsSignedCheckpoint() {
        String pollId = createPoll();
        String alice = newSubject("alice");
        VoteSubmitted vote = vote(pollId, alice, "a", Instant.now());
        append(vote);

        // No close: the periodic checkpoint (1 s) must come to cover the vote on its own.
        ProvenReceipt receipt = awaitChain(vote, token(alice));

        assertThat(receipt.status()).isEqualTo("recorded");
        assertThat(receipt.entry()).isEqualTo(new LedgerLeaf(vote.eventId(), pollId, vote.voterId(), "a",
                vote.submittedAt(), receipt.chain().log(), receipt.entry().offset()));
        SignedCheckpoint signed = receipt.chain().checkpoint();
        assertThat(signed.verify(trustedKey())).isTrue();
        assertThat(signed.keyId()).isEqualTo(Ed25519Keys.keyId(trustedKey()));
        assertThat(signed.checkpoint().origin()).isEqualTo("votes-ledger-dev");
        InclusionProof proof = receipt.chain().proof();
        assertThat(proof.treeSize()).isEqualTo(signed.checkpoint().log(proof.log()).size());
        assertThat(proof.verify(receipt.entry(), signed.checkpoint())).isTrue();

        // Forgeries: another option, another leaf index, a checkpoint the ledger did not sign.
        LedgerLeaf forged = new LedgerLeaf(vote.eventId(), pollId, vote.voterId(), "b", vote.submittedAt(),
                receipt.entry().partition(), receipt.entry().offset());
        assertThat(proof.verify(forged, signed.checkpoint())).isFalse();
        if (proof.treeSize() > 1) {
            InclusionProof moved = new InclusionProof(proof.log(), (proof.leafIndex() + 1) % proof.treeSize(),
                    proof.treeSize(), proof.leafHash(), proof.hashes());
            assertThat(moved.verify(receipt.entry(), signed.checkpoint())).isFalse();
        }
        Checkpoint altered = new Checkpoint(signed.checkpoint().origin(), signed.checkpoint().sequence(),
                signed.checkpoint().issuedAt(), grow(signed.checkpoint().logs()));
        assertThat(new SignedCheckpoint(altered, signed.signature(), signed.publicKey(), signed.keyId())
                .verify(trustedKey())).isFalse();
    }

    @Test
    void closingAPollPublishesACheckpointThatCoversItsVotesAndTheChainSaysFinal() {
        String pollId = createPoll();
        VoteSubmitted vote = vote(pollId, newSubject("bob"), "b", Instant.now());
        append(vote);
        await().atMost(patience()).until(() -> "recorded".equals(
                given().auth().oauth2(admin()).get("/api/v1/receipts/{id}", vote.eventId()).path("status")));
        long before = latestSequence();

        Instant closedAt = Instant.parse(given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", pollId)
                .then().statusCode(200).extract().<String>path("closedAt"));

        // Published before the close answered, not by the periodic timer later.
        SignedCheckpoint latest = latest();
        assertThat(latest.checkpoint().sequence()).isGreaterThan(before);
        assertThat(latest.checkpoint().issuedAt()).isAfterOrEqualTo(closedAt);
        assertThat(latest.verify(trustedKey())).isTrue();
        String auditor = token("auditor-" + pollId, "auditor");
        Response chain = given().auth().oauth2(auditor).get("/api/v1/polls/{id}/chain", pollId);
        chain.then().statusCode(200)
                .body("pollId", equalTo(pollId))
                .body("recordedVotes", equalTo(1))
                .body("final", equalTo(true));
        SignedCheckpoint served = EventCodec.fromJson(chain.asString(), PollChainDoc.class).checkpoint();
        assertThat(served.checkpoint().sequence()).isGreaterThanOrEqualTo(latest.checkpoint().sequence());
        assertThat(served.verify(trustedKey())).isTrue();
    }

    record PollChainDoc(SignedCheckpoint checkpoint) {
    }

    @Test
    void anOpenPollIsNotFinalAndAnUnknownPollIs404() {
        String pollId = createPoll();
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/chain", pollId)
                .then().statusCode(200).body("recordedVotes", equalTo(0)).body("final", equalTo(false));
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/chain", "no-such-poll")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/poll-not-found"));
    }

    @Test
    void anOpenPollCountsItsRecordedVotesButIsNotFinal() {
        String pollId = createPoll();
        VoteSubmitted one = vote(pollId, newSubject("olga"), "a", Instant.now());
        VoteSubmitted two = vote(pollId, newSubject("omar"), "b", Instant.now());
        append(one);
        append(two);
        awaitChain(one, admin());
        awaitChain(two, admin());

        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/chain", pollId)
                .then().statusCode(200).body("recordedVotes", equalTo(2)).body("final", equalTo(false));
    }

    /**
     * A vote submitted before the close but delivered after it is still recorded: the chain must not stay "final"
     * on a verdict worked out before it (the verdict is remembered per checkpoint, and the late vote brings a new one).
     */
    @Test
    void aLateVoteAfterTheCloseIsCountedAndCoveredByALaterCheckpoint() {
        String pollId = createPoll();
        Instant beforeClose = Instant.now();
        VoteSubmitted early = vote(pollId, newSubject("pia"), "a", beforeClose);
        append(early);
        awaitChain(early, admin());
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", pollId).then().statusCode(200);
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/chain", pollId)
                .then().statusCode(200).body("recordedVotes", equalTo(1)).body("final", equalTo(true));

        VoteSubmitted late = vote(pollId, newSubject("quinn"), "b", beforeClose);
        append(late);
        long covering = awaitChain(late, admin()).chain().checkpoint().checkpoint().sequence();

        Response chain = given().auth().oauth2(admin()).get("/api/v1/polls/{id}/chain", pollId);
        chain.then().statusCode(200).body("recordedVotes", equalTo(2)).body("final", equalTo(true));
        assertThat(EventCodec.fromJson(chain.asString(), PollChainDoc.class).checkpoint().checkpoint().sequence())
                .isGreaterThanOrEqualTo(covering);
    }

    @Test
    void checkpointSequenceNumbersRunFromOneWithoutGaps() {
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", createPoll()).then().statusCode(200);
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", createPoll()).then().statusCode(200);

        Row numbers = pool.query("SELECT count(*) AS n, min(sequence) AS first, max(sequence) AS last FROM checkpoints")
                .execute().await().indefinitely().iterator().next();
        assertThat(numbers.getLong("first")).isEqualTo(1);
        assertThat(numbers.getLong("last")).isEqualTo(numbers.getLong("n"));
    }

    @Test
    void everyCheckpointIsKeptAndServedBySequence() {
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", createPoll()).then().statusCode(200);
        SignedCheckpoint latest = latest();
        long sequence = latest.checkpoint().sequence();

        SignedCheckpoint again = EventCodec.fromJson(given().auth().oauth2(token("aud", "auditor"))
                .get("/api/v1/checkpoints/{n}", sequence).then().statusCode(200).extract().asString(),
                SignedCheckpoint.class);
        assertThat(again).isEqualTo(latest);
        given().auth().oauth2(admin()).get("/api/v1/checkpoints/{n}", 987_654_321L)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://votes.dev/problems/not-found"));
        given().auth().oauth2(admin()).get("/api/v1/checkpoints/{n}", "twelve").then().statusCode(404);
    }

    @Test
    void auditEndpointsWantAdminOrAuditor() {
        String pollId = createPoll();
        for (String path : List.of("/api/v1/checkpoints/latest", "/api/v1/checkpoints/1",
                "/api/v1/polls/" + pollId + "/chain", "/api/v1/polls/" + pollId + "/export?format=csv")) {
            given().get(path).then().statusCode(401).contentType(PROBLEM_JSON);
            given().auth().oauth2(token(newSubject("voter"), "voter")).get(path)
                    .then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://votes.dev/problems/forbidden"));
        }
    }

    @Test
    void metricsCountCheckpointsAndTheirAge() {
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", createPoll()).then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^ledger_checkpoints_published_total(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).containsPattern("(?m)^ledger_checkpoint_age_seconds(\\{[^}]*\\})? [0-9]");
    }

    @Test
    void intervalsInWhichNoLogMovedCostNoCheckpointTransaction() {
        double quiet = awaitNoCheckpointLook();

        String pollId = createPoll();
        String carol = newSubject("carol");
        VoteSubmitted vote = vote(pollId, carol, "a", Instant.now());
        append(vote);
        awaitChain(vote, token(carol));

        assertThat(checkpointLooks()).isGreaterThan(quiet);
        awaitNoCheckpointLook();
    }

    /** Waits for three checkpoint intervals (1 s) in a row without a look; @return the looks counted so far */
    private double awaitNoCheckpointLook() {
        AtomicReference<Double> last = new AtomicReference<>(checkpointLooks());
        Duration threeIntervals = Duration.ofMillis(3500);
        await().atMost(patience()).pollDelay(threeIntervals).pollInterval(threeIntervals)
                .until(() -> {
                    double now = checkpointLooks();
                    return last.getAndSet(now) == now;
                });
        return last.get();
    }

    private double checkpointLooks() {
        return metrics.get("ledger_checkpoint_looks_total").counter().count();
    }

    private static ProvenReceipt awaitChain(VoteSubmitted vote, String token) {
        List<ProvenReceipt> found = new ArrayList<>();
        await().atMost(patience()).until(() -> {
            Response response = given().auth().oauth2(token).get("/api/v1/receipts/{id}", vote.eventId());
            if (response.statusCode() != 200 || response.path("chain") == null) {
                return false;
            }
            found.add(EventCodec.fromJson(response.asString(), ProvenReceipt.class));
            return true;
        });
        return found.get(found.size() - 1);
    }

    private static SignedCheckpoint latest() {
        return EventCodec.fromJson(given().auth().oauth2(admin()).get("/api/v1/checkpoints/latest")
                .then().statusCode(200).extract().asString(), SignedCheckpoint.class);
    }

    private static long latestSequence() {
        Response response = given().auth().oauth2(admin()).get("/api/v1/checkpoints/latest");
        return response.statusCode() == 404 ? 0 : response.jsonPath().getLong("checkpoint.sequence");
    }

    private static List<LogHead> grow(List<LogHead> logs) {
        List<LogHead> grown = new ArrayList<>();
        logs.forEach(head -> grown.add(new LogHead(head.log(), head.size() + 1, head.root())));
        return grown;
    }

    private static PublicKey trustedKey() {
        return Ed25519Keys.loadPublic(LocalStackResource.stack().settings().checkpointPublicKey());
    }
}
