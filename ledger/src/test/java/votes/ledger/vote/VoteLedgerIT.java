package votes.ledger.vote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;
import votes.ledger.LedgerTables.RejectionRow;
import votes.ledger.LedgerTables.VoteRow;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class VoteLedgerIT {

    @Inject
    Pool pool;

    private LedgerTables tables() {
        return new LedgerTables(pool);
    }

    @Test
    void firstVoteOfAVoterIsRecordedWithItsLogPosition() {
        String pollId = createPoll();
        VoteSubmitted first = vote(pollId, newSubject("alice"), "a", Instant.now());

        append(first);

        await().atMost(patience()).until(() -> tables().votes(pollId).size() == 1);
        VoteRow row = tables().votes(pollId).get(0);
        assertThat(row.eventId()).isEqualTo(first.eventId());
        assertThat(row.optionId()).isEqualTo("a");
        assertThat(row.voterId()).isEqualTo(first.voterId());
        assertThat(row.partition()).isBetween(0, 5);
        assertThat(row.offset()).isNotNegative();
        assertThat(tables().rejections(pollId)).isEmpty();
    }

    @Test
    void secondVoteOfTheSameVoterIsRejectedAsDuplicate() {
        String pollId = createPoll();
        String bob = newSubject("bob");
        VoteSubmitted first = vote(pollId, bob, "a", Instant.now());
        VoteSubmitted second = vote(pollId, bob, "b", Instant.now());

        append(first);
        append(second);

        await().atMost(patience()).until(() -> tables().rejections(pollId).size() == 1);
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(first.eventId());
        assertThat(tables().rejections(pollId)).containsExactly(
                new RejectionRow(second.eventId(), second.voterId(), "duplicate"));
    }

    @Test
    void sameEventDeliveredTwiceIsRecordedOnceAndNeverRejected() {
        String pollId = createPoll();
        String carol = newSubject("carol");
        VoteSubmitted once = vote(pollId, carol, "a", Instant.now());
        // Same key, so same partition, after the redelivery: once it is decided, both copies were.
        VoteSubmitted marker = vote(pollId, carol, "b", Instant.now());

        append(once);
        append(once);
        append(marker);

        await().atMost(patience()).until(() -> tables().verdicts(marker.eventId()) == 1);
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(once.eventId());
        assertThat(tables().rejections(pollId)).extracting(RejectionRow::eventId).containsExactly(marker.eventId());
        assertThat(tables().verdicts(once.eventId())).isEqualTo(1);
    }

    @Test
    void tallyDeltasSumToTheRecordedVotesAndIgnoreDuplicatesAndRejections() {
        String pollId = createPoll();
        String twice = newSubject("judy");
        VoteSubmitted first = vote(pollId, twice, "a", Instant.now());
        VoteSubmitted again = vote(pollId, twice, "b", Instant.now());
        VoteSubmitted strange = vote(pollId, newSubject("kim"), "c", Instant.now());
        VoteSubmitted forA = vote(pollId, newSubject("leo"), "a", Instant.now());
        VoteSubmitted forB = vote(pollId, newSubject("mia"), "b", Instant.now());

        for (VoteSubmitted vote : java.util.List.of(first, again, strange, forA, forB)) {
            append(vote);
        }

        await().atMost(patience()).until(() -> java.util.stream.Stream.of(first, again, strange, forA, forB)
                .allMatch(vote -> tables().verdicts(vote.eventId()) == 1));
        assertThat(tables().voteCounts(pollId)).isEqualTo(java.util.Map.of("a", 2L, "b", 1L));
        assertThat(tables().deltaSums(pollId)).isEqualTo(tables().voteCounts(pollId));
        assertThat(tables().rejections(pollId)).hasSize(2);
    }

    @Test
    void redeliveredEventAddsNoTallyDelta() {
        String pollId = createPoll();
        String nina = newSubject("nina");
        VoteSubmitted once = vote(pollId, nina, "a", Instant.now());
        append(once);
        await().atMost(patience()).until(() -> tables().verdicts(once.eventId()) == 1);
        assertThat(tables().deltaRows(pollId)).isEqualTo(1);
        // Same key, same partition: once the marker is decided, the redelivery was too.
        VoteSubmitted marker = vote(pollId, nina, "b", Instant.now());

        append(once);
        append(marker);

        await().atMost(patience()).until(() -> tables().verdicts(marker.eventId()) == 1);
        assertThat(tables().deltaRows(pollId)).isEqualTo(1);
        assertThat(tables().deltaSums(pollId)).isEqualTo(java.util.Map.of("a", 1L));
    }

    @Test
    void voteSubmittedAfterCloseIsRejectedButOneSubmittedBeforeCloseStillCounts() {
        String pollId = createPoll();
        Instant closedAt = Instant.parse(given().auth().oauth2(LedgerFixture.admin())
                .post("/api/v1/polls/{id}/close", pollId)
                .then().statusCode(200)
                .extract().<String>path("closedAt"));
        VoteSubmitted late = vote(pollId, newSubject("dave"), "a", closedAt);
        VoteSubmitted slowButInTime = vote(pollId, newSubject("erin"), "a", closedAt.minusNanos(1_000));

        append(late);
        append(slowButInTime);

        await().atMost(patience()).until(() -> tables().verdicts(late.eventId()) == 1
                && tables().verdicts(slowButInTime.eventId()) == 1);
        assertThat(tables().rejections(pollId)).containsExactly(
                new RejectionRow(late.eventId(), late.voterId(), "poll-not-open"));
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(slowButInTime.eventId());
    }

    @Test
    void voteForAnOptionNotOnThePollIsRejected() {
        String pollId = createPoll();
        VoteSubmitted strange = vote(pollId, newSubject("frank"), "c", Instant.now());

        append(strange);

        await().atMost(patience()).until(() -> tables().verdicts(strange.eventId()) == 1);
        assertThat(tables().rejections(pollId)).containsExactly(
                new RejectionRow(strange.eventId(), strange.voterId(), "unknown-option"));
        assertThat(tables().votes(pollId)).isEmpty();
    }

    @Test
    void voteForAPollThatNeverExistedIsRejectedOnceItIsOlderThanTheGrace() {
        String pollId = "no-such-poll-" + UUID.randomUUID();
        VoteSubmitted lost = vote(pollId, newSubject("gina"), "a", Instant.now().minusSeconds(60));

        append(lost);

        await().atMost(patience()).until(() -> tables().verdicts(lost.eventId()) == 1);
        assertThat(tables().rejections(pollId)).extracting(RejectionRow::reason).containsExactly("poll-not-found");
    }

    @Test
    void undecodableRecordIsSkippedAndTheVotesAfterItAreRecorded() {
        String pollId = createPoll();
        String hank = newSubject("hank");
        VoteSubmitted after = vote(pollId, hank, "b", Instant.now());

        LedgerFixture.send(votes.events.key.PartitionKeys.vote(pollId, after.voterId()),
                "{not a vote".getBytes(StandardCharsets.UTF_8));
        append(after);

        await().atMost(patience()).until(() -> tables().verdicts(after.eventId()) == 1);
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(after.eventId());
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("ledger_undecodable_events_total\\{.*topic=\"votes.submitted\".*\\} [1-9]");
    }

    @Test
    void metricsShowVerdictsBatchSizesAndConsumerLag() {
        String pollId = createPoll();
        VoteSubmitted counted = vote(pollId, newSubject("ivy"), "a", Instant.now());
        append(counted);
        await().atMost(patience()).until(() -> tables().verdicts(counted.eventId()) == 1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("(?m)^votes_recorded_total(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).contains("votes_rejected_total{", "reason=\"duplicate\"");
        assertThat(metrics).containsPattern("(?m)^ledger_batch_size_count(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
