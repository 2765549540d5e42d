package votes.ledger.flag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.flag;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.token;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.flag.FlagSubject;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;
import votes.events.poll.VotesVoided;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;

/** Fraud review on the real stack: flags folded from votes.flags, listed, dismissed, confirmed into VotesVoided. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class FlagReviewIT {

    @Inject
    Pool pool;

    @Test
    void redeliveredFlagsCountEachVoteOnceAndKeepTheHighestScoresReasons() {
        String pollId = createPoll();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        VoteFlagged low = flagged(pollId, FlagSubject.PREFIX, "p1", first, 0.81, List.of("velocity-prefix"));
        VoteFlagged high = flagged(pollId, FlagSubject.PREFIX, "p1", second, 0.97,
                List.of("headless-user-agent", "regular-inter-arrival"));
        VoteFlagged device = flagged(pollId, FlagSubject.DEVICE, "d1", first, 0.75, List.of("device-velocity"));

        flag(low);
        flag(high);
        flag(low);
        flag(high);
        flag(device);

        await().atMost(patience()).until(() -> flags(pollId, admin()).getList("flags").size() == 2
                && flags(pollId, admin()).getInt("flags[0].voteCount") == 2);
        JsonPath listed = flags(pollId, admin());
        assertThat(listed.getString("pollId")).isEqualTo(pollId);
        assertThat(listed.getString("flags[0].flagId")).isEqualTo(FlagIds.of(high));
        assertThat(listed.getString("flags[0].subject")).isEqualTo("prefix");
        assertThat(listed.getString("flags[0].subjectKey")).isEqualTo("p1");
        assertThat(listed.getDouble("flags[0].score")).isEqualTo(0.97);
        assertThat(listed.getList("flags[0].reasons")).containsExactly("headless-user-agent", "regular-inter-arrival");
        assertThat(listed.getString("flags[0].status")).isEqualTo("open");
        assertThat(Instant.parse(listed.getString("flags[0].firstSeen"))).isEqualTo(low.flaggedAt());
        assertThat(Instant.parse(listed.getString("flags[0].lastSeen"))).isEqualTo(high.flaggedAt());
        assertThat(listed.getString("flags[1].subject")).isEqualTo("device");
        assertThat(listed.getInt("flags[1].voteCount")).isEqualTo(1);
    }

    @Test
    void theListIsForAdminsAndAuditorsOnlyAndKnowsItsPolls() {
        String pollId = createPoll();
        given().get("/api/v1/polls/{id}/flags", pollId).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token(newSubject("voter"), "voter")).get("/api/v1/polls/{id}/flags", pollId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(newSubject("aud"), "auditor")).get("/api/v1/polls/{id}/flags", pollId)
                .then().statusCode(200).body("flags", hasSize(0));
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/flags", "no-such-poll")
                .then().statusCode(404).body("type", endsWith("/poll-not-found"));
        given().auth().oauth2(admin()).queryParam("status", "pending").get("/api/v1/polls/{id}/flags", pollId)
                .then().statusCode(400).body("type", endsWith("/malformed-request"));
    }

    @Test
    void aDismissedFlagIsReviewedOnceAndFilteredByStatus() {
        String pollId = createPoll();
        String flagId = openFlag(flagged(pollId, FlagSubject.VOTER, "v1", UUID.randomUUID(), 0.9,
                List.of("token-age")));

        given().auth().oauth2(token("alice-admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("decision", "dismiss", "note", "a school's network"))
                .post("/api/v1/flags/{id}/review", flagId)
                .then().statusCode(200)
                .body("status", equalTo("dismissed"))
                .body("reviewedBy", equalTo("alice-admin"))
                .body("note", equalTo("a school's network"));

        review(flagId, "confirm", null).then().statusCode(409).body("type", endsWith("/already-reviewed"));
        assertThat(given().auth().oauth2(admin()).queryParam("status", "open")
                .get("/api/v1/polls/{id}/flags", pollId).then().statusCode(200).extract().jsonPath()
                .getList("flags")).isEmpty();
        assertThat(LedgerFixture.pollEvents(pollId)).noneMatch(VotesVoided.class::isInstance);
    }

    @Test
    void aBatchOfBulkMintedTokensIsOneReviewableGroup() {
        String pollId = createPoll();
        String second = "2026-11-30T12:00:01Z";
        openFlag(flagged(pollId, FlagSubject.TOKEN_BATCH, second, UUID.randomUUID(), 0.95,
                List.of("bulk-minted-token")));
        flag(flagged(pollId, FlagSubject.TOKEN_BATCH, second, UUID.randomUUID(), 0.95, List.of("bulk-minted-token")));

        await("both votes fold into the batch's one group").atMost(patience())
                .until(() -> flags(pollId, admin()).getInt("flags[0].voteCount") == 2);
        JsonPath listed = flags(pollId, admin());
        assertThat(listed.getList("flags")).hasSize(1);
        assertThat(listed.getString("flags[0].subject")).isEqualTo("token-batch");
        assertThat(listed.getString("flags[0].subjectKey")).isEqualTo(second);
    }

    @Test
    void aConfirmAppendsVotesVoidedNamingExactlyTheRecordedFlaggedVotes() {
        String pollId = createPoll();
        VoteSubmitted one = vote(pollId, newSubject("bot1"), "a", Instant.now());
        VoteSubmitted two = vote(pollId, newSubject("bot2"), "a", Instant.now());
        VoteSubmitted human = vote(pollId, newSubject("human"), "b", Instant.now());
        List.of(one, two, human).forEach(LedgerFixture::append);
        await().atMost(patience()).until(() -> new LedgerTables(pool).votes(pollId).size() == 3);
        UUID neverRecorded = UUID.randomUUID();
        for (UUID voteId : List.of(one.eventId(), two.eventId(), neverRecorded)) {
            flag(flagged(pollId, FlagSubject.PREFIX, "farm", voteId, 0.99, List.of("headless-user-agent")));
        }
        String flagId = FlagIds.of(flagged(pollId, FlagSubject.PREFIX, "farm", neverRecorded, 0, List.of()));
        await().atMost(patience()).until(() -> flags(pollId, admin()).getInt("flags[0].voteCount") == 3);

        review(flagId, "confirm", "one /24, 3 votes in a second").then().statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("voidedVotes", equalTo(2));

        List<VotesVoided> voids = LedgerFixture.pollEvents(pollId).stream()
                .filter(VotesVoided.class::isInstance).map(VotesVoided.class::cast).toList();
        assertThat(voids).hasSize(1);
        VotesVoided voided = voids.get(0);
        assertThat(voided.flagId()).isEqualTo(flagId);
        assertThat(voided.voteIds()).containsExactlyInAnyOrder(one.eventId(), two.eventId());
        assertThat(voided.reason()).isEqualTo("fraud review: one /24, 3 votes in a second");
        String reviewedAt = flags(pollId, admin()).getString("flags[0].reviewedAt");
        assertThat(voided.voidedAt()).isEqualTo(Instant.parse(reviewedAt));
        review(flagId, "confirm", null).then().statusCode(409).body("type", endsWith("/already-reviewed"));
    }

    @Test
    void aConfirmAfterTheCloseIsRefusedAndTheFlagStaysOpen() {
        String pollId = createPoll();
        VoteSubmitted late = vote(pollId, newSubject("bot"), "a", Instant.now());
        append(late);
        await().atMost(patience()).until(() -> new LedgerTables(pool).votes(pollId).size() == 1);
        String flagId = openFlag(flagged(pollId, FlagSubject.DEVICE, "dev", late.eventId(), 0.95, List.of("x")));
        given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", pollId).then().statusCode(200);

        review(flagId, "confirm", null).then().statusCode(409).body("type", endsWith("/poll-closed"));

        assertThat(flags(pollId, admin()).getString("flags[0].status")).isEqualTo("open");
        assertThat(LedgerFixture.pollEvents(pollId)).noneMatch(VotesVoided.class::isInstance);
    }

    @Test
    void badReviewsAreRefusedWithProblems() {
        String pollId = createPoll();
        String flagId = openFlag(flagged(pollId, FlagSubject.PREFIX, "p", UUID.randomUUID(), 0.9, List.of("x")));

        review(flagId, "approve", null).then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-request"));
        review(flagId, "dismiss", "x".repeat(501)).then().statusCode(400);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"decision\":")
                .post("/api/v1/flags/{id}/review", flagId).then().statusCode(400);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).post("/api/v1/flags/{id}/review", flagId)
                .then().statusCode(400);
        review(UUID.randomUUID().toString(), "dismiss", null).then().statusCode(404)
                .contentType("application/problem+json");
        review("not-a-flag\u0000", "confirm", null).then().statusCode(404).body("type", endsWith("/not-found"));
        given().auth().oauth2(token(newSubject("aud"), "auditor")).contentType(ContentType.JSON)
                .body(Map.of("decision", "dismiss")).post("/api/v1/flags/{id}/review", flagId)
                .then().statusCode(403);
        assertThat(flags(pollId, admin()).getString("flags[0].status")).isEqualTo("open");
    }

    private static VoteFlagged flagged(String pollId, FlagSubject subject, String key, UUID voteId, double score,
                                       List<String> reasons) {
        // PostgreSQL keeps microseconds: the seen times must read back as they were sent.
        return VoteFlagged.of(EventIds.next(), voteId, pollId, subject, key, score, reasons,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Appends the flag as the only one of its poll and waits until the ledger lists its group; returns its id. */
    private static String openFlag(VoteFlagged flagged) {
        flag(flagged);
        await().atMost(patience()).until(() -> flags(flagged.pollId(), admin()).getList("flags").size() == 1);
        return FlagIds.of(flagged);
    }

    private static JsonPath flags(String pollId, String token) {
        return given().auth().oauth2(token).get("/api/v1/polls/{id}/flags", pollId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response review(String flagId, String decision, String note) {
        Map<String, Object> body = note == null ? Map.of("decision", decision) : Map.of("decision", decision,
                "note", note);
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/flags/{id}/review", flagId);
    }
}
