package votes.ledger.flag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.flag;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.flag.FlagSubject;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;
import votes.ledger.poll.PollLogUnavailableIT;

/** A confirm whose VotesVoided poll-events cannot take: 503 with Retry-After, and the flag stays open for a retry. */
@QuarkusTest
@TestProfile(PollLogUnavailableIT.DeadBroker.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class FlagConfirmUnavailableIT {

    private static final Duration COLD_START_PATIENCE = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void aConfirmThePollLogCannotTakeIs503AndTheFlagStaysOpen() {
        // The admin API cannot create a poll here (its append fails): the row stands for one poll-events folded.
        String pollId = "unavailable-" + UUID.randomUUID();
        pool.preparedQuery("INSERT INTO polls (poll_id, title, options, created_at) VALUES ($1, 'Void?',"
                        + " '[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}]'::jsonb, now())")
                .execute(Tuple.of(pollId)).await().atMost(Duration.ofSeconds(10));
        VoteSubmitted bot = vote(pollId, newSubject("bot"), "a", Instant.now());
        append(bot);
        await().atMost(COLD_START_PATIENCE).until(() -> new LedgerTables(pool).votes(pollId).size() == 1);
        VoteFlagged flagged = VoteFlagged.of(EventIds.next(), bot.eventId(), pollId, FlagSubject.PREFIX, "farm", 0.99,
                List.of("headless-user-agent"), Instant.now());
        flag(flagged);
        String flagId = FlagIds.of(flagged);
        // This class may start the application cold: the first fold and the first query load Hibernate's classes.
        await().atMost(COLD_START_PATIENCE).until(() -> status(pollId).equals(List.of("open")));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("decision", "confirm"))
                .post("/api/v1/flags/{id}/review", flagId)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://votes.dev/problems/unavailable"));

        assertThat(status(pollId)).containsExactly("open");
    }

    private static List<String> status(String pollId) {
        return given().auth().oauth2(admin()).get("/api/v1/polls/{id}/flags", pollId)
                .then().statusCode(200).extract().jsonPath().getList("flags.status");
    }
}
