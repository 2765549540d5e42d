package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.vote;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;

/**
 * A batch of at least {@code LEDGER_SPLIT_AT} records, as a ledger catching up gets them, is written as two
 * transactions at once over disjoint partitions ({@link PartitionGroups}): every vote is recorded once and every
 * partition's Merkle log stays contiguous.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class SplitBatchIT {

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "ledger.batch.split-at")
    int splitAt;

    @Test
    void aBurstOfVotesIsWrittenInSplitBatchesEachVoteOnceAndEveryLogContiguous() {
        double splitBefore = registry.counter("ledger_batches_split_total").count();
        String pollId = createPoll();
        // Six times the split: the burst reaches the broker in a few produce requests, so some fetch returns more.
        List<VoteSubmitted> votes = IntStream.range(0, 6 * splitAt)
                .mapToObj(i -> vote(pollId, newSubject("burst" + i), i % 2 == 0 ? "a" : "b", Instant.now()))
                .toList();

        LedgerFixture.appendAtOnce(votes);

        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).until(() -> tables.votes(pollId).size() == votes.size());
        votes.forEach(vote -> assertThat(tables.verdicts(vote.eventId())).as("verdicts of %s", vote.eventId()).isOne());
        assertThat(registry.counter("ledger_batches_split_total").count()).as("batches split")
                .isGreaterThan(splitBefore);
        // Every vote log in the database, not only this poll's leaves: a split must not leave a gap or a twin.
        for (Row log : pool.query("SELECT kafka_partition, count(*) AS n, count(DISTINCT leaf_index) AS d,"
                + " max(leaf_index) AS top FROM votes GROUP BY kafka_partition").execute().await().indefinitely()) {
            int partition = log.getInteger("kafka_partition");
            assertThat(log.getLong("d")).as("distinct leaf indexes of log %d", partition).isEqualTo(log.getLong("n"));
            assertThat(log.getLong("top")).as("last leaf index of log %d", partition).isEqualTo(log.getLong("n") - 1);
        }
    }
}
