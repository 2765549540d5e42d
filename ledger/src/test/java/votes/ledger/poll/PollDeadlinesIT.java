package votes.ledger.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.events.poll.PollClosed;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;

/** A poll whose closes_at passes is closed by the ledger itself, and its PollClosed appended once (issue 8). */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PollDeadlinesIT {

    @Inject
    Pool pool;

    @Test
    void aPollPastItsDeadlineIsClosedAtTheDeadlineAndItsCloseIsInTheLog() {
        // The vote's time is fixed before the poll is made: a loaded machine may take seconds to answer the POST.
        Instant votedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant closesAt = votedAt.plusSeconds(3);
        String pollId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Quick", "opensAt", votedAt.minusSeconds(60).toString(), "closesAt",
                        closesAt.toString(), "options", List.of(Map.of("id", "a", "label", "A"),
                                Map.of("id", "b", "label", "B"))))
                .post("/api/v1/polls").then().statusCode(201).extract().path("pollId");
        VoteSubmitted inTime = vote(pollId, newSubject("quick"), "a", votedAt);
        append(inTime);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                "closed".equals(given().get("/api/v1/polls/" + pollId).then().extract().path("status"))
                        && given().get("/api/v1/polls/" + pollId).then().extract().path("closedAt") != null);
        String closedAt = given().get("/api/v1/polls/" + pollId).then().statusCode(200).extract().path("closedAt");
        assertThat(Instant.parse(closedAt)).as("closed at its deadline, not when the timer ran").isEqualTo(closesAt);

        await().atMost(Duration.ofSeconds(20)).until(() -> closeLogged(pollId));
        List<PollClosed> closes = closesInTheLog(pollId);
        assertThat(closes).isNotEmpty().allSatisfy(close -> assertThat(close.closedAt()).isEqualTo(closesAt));
        // Closed once: later ticks find nothing left to do for it.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(closesInTheLog(pollId)).hasSameSizeAs(closes);
        // Submitted before the deadline: recorded, even when the ledger gets to it after the close.
        await().atMost(LedgerFixture.patience()).until(() -> new LedgerTables(pool).votes(pollId).size() == 1);
        assertThat(new LedgerTables(pool).votes(pollId)).extracting(LedgerTables.VoteRow::eventId)
                .containsExactly(inTime.eventId());
    }

    private boolean closeLogged(String pollId) {
        return pool.preparedQuery("SELECT close_logged FROM polls WHERE poll_id = $1").execute(Tuple.of(pollId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean("close_logged");
    }

    private static List<PollClosed> closesInTheLog(String pollId) {
        return LedgerFixture.pollEvents(pollId).stream()
                .filter(PollClosed.class::isInstance).map(PollClosed.class::cast).toList();
    }
}
