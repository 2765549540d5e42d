package votes.ledger.vote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import votes.events.vote.VoteSubmitted;
import votes.infra.stack.Component;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;
import votes.ledger.LedgerTables.VoteRow;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PostgresOutageIT {

    @Inject
    Pool pool;

    @Test
    void votesConsumedWhilePostgresIsDownAreRecordedOnceItIsBack() throws InterruptedException {
        String pollId = createPoll();
        Component postgres = LocalStackResource.stack().localStack().require("postgres");
        VoteSubmitted first = vote(pollId, newSubject("olga"), "a", Instant.now());
        VoteSubmitted second = vote(pollId, newSubject("pete"), "b", Instant.now());

        postgres.kill9();
        await().atMost(Duration.ofSeconds(10)).until(() -> !postgres.isUp());
        try {
            append(first);
            append(second);
            // The consumer fetches the batch and fails its transaction again and again: past ledger.stuck-after
            // (3 s in tests) readiness names the stuck partition, whatever else it reports about PostgreSQL.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'votes.submitted partitions advance' }.status",
                                    equalTo("DOWN")));
        } finally {
            postgres.start();
        }

        LedgerTables tables = new LedgerTables(pool);
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                .until(() -> tables.votes(pollId).size() == 2);
        assertThat(tables.votes(pollId)).extracting(VoteRow::eventId)
                .containsExactlyInAnyOrder(first.eventId(), second.eventId());
        assertThat(tables.rejections(pollId)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'votes.submitted partitions advance' }.status", equalTo("UP")));
    }
}
