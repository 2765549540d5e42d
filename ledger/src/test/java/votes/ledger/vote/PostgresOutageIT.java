package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;
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
            // Long enough for the consumer to fetch the batch and fail its transaction a few times.
            Thread.sleep(3_000);
        } finally {
            postgres.start();
        }

        LedgerTables tables = new LedgerTables(pool);
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                .until(() -> tables.votes(pollId).size() == 2);
        assertThat(tables.votes(pollId)).extracting(VoteRow::eventId)
                .containsExactlyInAnyOrder(first.eventId(), second.eventId());
        assertThat(tables.rejections(pollId)).isEmpty();
    }
}
