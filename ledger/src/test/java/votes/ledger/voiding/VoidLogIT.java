package votes.ledger.voiding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.pollEventsUpToNow;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import votes.events.id.EventIds;
import votes.events.poll.PollEvent;
import votes.events.poll.VotesVoided;
import votes.infra.test.LocalStackResource;
import votes.proofs.merkle.CompactRange;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.VoidLeaf;

/**
 * The void logs as PostgreSQL holds them, checked against poll-events itself the way an auditor would: per partition,
 * every VotesVoided in offset order (a re-appended event id only the first time) is one leaf, and the stored size,
 * root and leaf indexes are those of the leaves. Reads every void of this JVM's stack, not only this test's.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class VoidLogIT {

    @Inject
    Pool pool;

    /** A void log rebuilt from poll-events: its root, size and the leaf index of every void. */
    private record Folded(String root, long size, Map<UUID, Long> leafIndexes) {
    }

    @Test
    void everyVoidLogIsTheLogOfTheVoidsPollEventsHoldsInOffsetOrder() {
        String pollId = createPoll();
        VotesVoided first = VotesVoided.of(EventIds.next(), pollId, "flag-l1", "one", List.of(EventIds.next()),
                Instant.now());
        VotesVoided second = VotesVoided.of(EventIds.next(), pollId, "flag-l2", "two", List.of(), Instant.now());
        append(first);
        append(first);
        append(second);

        await().atMost(patience()).untilAsserted(() -> {
            Map<Integer, Folded> folded = fold();
            assertThat(folded).isNotEmpty();
            Map<Integer, Folded> stored = stored();
            assertThat(stored.keySet()).isEqualTo(folded.keySet());
            folded.forEach((log, expected) -> {
                Folded actual = stored.get(log);
                assertThat(actual.size()).as("size of void log %d", log).isEqualTo(expected.size());
                assertThat(actual.root()).as("root of void log %d", log).isEqualTo(expected.root());
                assertThat(actual.leafIndexes()).as("leaf indexes of void log %d", log)
                        .isEqualTo(expected.leafIndexes());
            });
        });
    }

    /** poll-events from offset 0 to its current end, folded into void logs. */
    private static Map<Integer, Folded> fold() {
        Map<Integer, CompactRange> ranges = new TreeMap<>();
        Map<Integer, Map<UUID, Long>> indexes = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsumerRecord<String, PollEvent> record : pollEventsUpToNow()) {
            if (record.value() instanceof VotesVoided voided && seen.add(voided.eventId())) {
                int log = VoidLeaf.logId(record.partition());
                CompactRange range = ranges.computeIfAbsent(log, id -> new CompactRange());
                indexes.computeIfAbsent(log, id -> new HashMap<>()).put(voided.eventId(), range.size());
                range.append(VoidLeaf.of(voided, record.partition(), record.offset()).hash());
            }
        }
        Map<Integer, Folded> folded = new TreeMap<>();
        ranges.forEach((log, range) -> folded.put(log, new Folded(MerkleHash.hex(range.root()), range.size(),
                indexes.get(log))));
        return folded;
    }

    private Map<Integer, Folded> stored() {
        Map<Integer, Folded> stored = new TreeMap<>();
        for (Row head : pool.preparedQuery("SELECT log_id, size, root FROM merkle_logs WHERE log_id >= $1")
                .execute(Tuple.of(VoidLeaf.LOG_ID_BASE)).await().indefinitely()) {
            stored.put(head.getInteger("log_id"), new Folded(MerkleHash.hex(head.getBuffer("root").getBytes()),
                    head.getLong("size"), new HashMap<>()));
        }
        for (Row row : pool.query("SELECT event_id, log_id, leaf_index FROM vote_voids").execute().await()
                .indefinitely()) {
            stored.computeIfAbsent(row.getInteger("log_id"), log -> new Folded("(no head)", 0, new HashMap<>()))
                    .leafIndexes().put(row.getUUID("event_id"), row.getLong("leaf_index"));
        }
        return stored;
    }
}
