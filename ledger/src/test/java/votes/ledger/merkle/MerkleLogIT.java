package votes.ledger.merkle;

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
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import votes.proofs.merkle.CompactRange;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.MerkleProofs;
import votes.proofs.merkle.TileKey;
import votes.proofs.merkle.TileNodes;
import votes.proofs.merkle.VoidLeaf;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;
import votes.ledger.sql.Timestamps;

/**
 * The Merkle logs as PostgreSQL holds them, checked against the rows themselves. Reads the whole database, not one
 * test's poll: every vote any IT of this JVM recorded must be a leaf of a consistent log.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class MerkleLogIT {

    /** The vote logs only: the void logs' leaves are poll-events' voids, checked by VoidLogIT. */
    private static final String VOTE_LOGS = " WHERE log_id < " + VoidLeaf.LOG_ID_BASE;

    @Inject
    Pool pool;

    /** One consistent view of a log: its head, its votes by leaf index, its tiles. */
    private record Snapshot(long size, byte[] root, byte[] rightEdge, List<LedgerLeaf> leaves, List<Long> leafIndexes,
                            List<Long> offsets, Map<TileKey, byte[]> tiles) {
    }

    @Test
    void leavesAreContiguousPerPartitionInOffsetOrderAfterDuplicatesRejectionsAndRedeliveries() {
        List<VoteSubmitted> decided = mixedRun();

        Map<Integer, Snapshot> logs = snapshot();
        assertThat(logs).isNotEmpty();
        LedgerTables tables = new LedgerTables(pool);
        for (VoteSubmitted vote : decided) {
            assertThat(tables.verdicts(vote.eventId())).isEqualTo(1);
        }
        // The database is fresh: every vote was recorded after V3, so every vote is a leaf.
        assertThat(pool.query("SELECT count(*) AS n FROM votes WHERE leaf_index IS NULL").execute().await().indefinitely()
                .iterator().next().getLong("n")).isZero();
        logs.forEach((log, snapshot) -> {
            long n = snapshot.leafIndexes().size();
            assertThat(snapshot.leafIndexes()).as("leaf indexes of log %d", log)
                    .containsExactlyElementsOf(LongStream.range(0, n).boxed().toList());
            assertThat(snapshot.offsets()).as("offsets of log %d in leaf order", log).isSorted();
            assertThat(snapshot.size()).as("size of log %d", log).isEqualTo(n);
        });
    }

    @Test
    void storedRootIsTheRootOfTheRowsAndOfTheTiles() {
        mixedRun();

        snapshot().forEach((log, snapshot) -> {
            CompactRange fromRows = new CompactRange();
            snapshot.leaves().forEach(leaf -> fromRows.append(leaf.hash()));
            assertThat(MerkleHash.hex(snapshot.root())).as("root of log %d", log)
                    .isEqualTo(MerkleHash.hex(fromRows.root()));
            TileNodes nodes = new TileNodes(snapshot.tiles(), snapshot.rightEdge());
            assertThat(MerkleHash.hex(MerkleProofs.root(snapshot.size(), nodes))).as("root of log %d from tiles", log)
                    .isEqualTo(MerkleHash.hex(snapshot.root()));
        });
    }

    /** Records, a duplicate, an unknown option, a redelivered event, over several partitions; all decided. */
    private List<VoteSubmitted> mixedRun() {
        String pollId = createPoll();
        List<VoteSubmitted> votes = new ArrayList<>();
        // 120 voters over 6 partitions: logs of ~20 leaves per run, so full tiles are written and read too.
        for (int i = 0; i < 120; i++) {
            String voter = newSubject("leaf-" + i);
            VoteSubmitted first = vote(pollId, voter, i % 2 == 0 ? "a" : "b", Instant.now());
            votes.add(first);
            append(first);
            if (i % 7 == 0) {
                VoteSubmitted duplicate = vote(pollId, voter, "a", Instant.now());
                votes.add(duplicate);
                append(duplicate);
            }
            if (i % 9 == 0) {
                append(first);
            }
            if (i % 11 == 0) {
                VoteSubmitted strange = vote(pollId, newSubject("odd-" + i), "zzz", Instant.now());
                votes.add(strange);
                append(strange);
            }
        }
        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).until(() -> votes.stream().allMatch(vote -> tables.verdicts(vote.eventId()) == 1));
        return votes;
    }

    /** Every log, read in one REPEATABLE READ transaction so heads, rows and tiles agree with each other. */
    private Map<Integer, Snapshot> snapshot() {
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute()
                .flatMap(set -> connection.query("SELECT log_id, size, root, right_edge FROM merkle_logs"
                        + VOTE_LOGS).execute())
                .flatMap(heads -> connection.query("""
                                SELECT event_id, poll_id, voter_id, option_id, submitted_at, kafka_partition,
                                       kafka_offset, leaf_index
                                FROM votes WHERE leaf_index IS NOT NULL ORDER BY kafka_partition, leaf_index""")
                        .execute()
                        .flatMap(votes -> connection.query("SELECT log_id, level, idx, hashes FROM merkle_tiles"
                                        + VOTE_LOGS)
                                .execute()
                                .map(tiles -> {
                                    Map<Integer, Snapshot> logs = new TreeMap<>();
                                    for (Row head : heads) {
                                        logs.put(head.getInteger("log_id"), new Snapshot(head.getLong("size"),
                                                head.getBuffer("root").getBytes(),
                                                head.getBuffer("right_edge").getBytes(), new ArrayList<>(),
                                                new ArrayList<>(), new ArrayList<>(), new HashMap<>()));
                                    }
                                    for (Row row : votes) {
                                        Snapshot log = logs.get(row.getInteger("kafka_partition"));
                                        assertThat(log).as("log of partition %d", row.getInteger("kafka_partition"))
                                                .isNotNull();
                                        log.leaves().add(new LedgerLeaf(row.getUUID("event_id"),
                                                row.getString("poll_id"), row.getString("voter_id"),
                                                row.getString("option_id"),
                                                Timestamps.fromSql(row.getOffsetDateTime("submitted_at")),
                                                row.getInteger("kafka_partition"), row.getLong("kafka_offset")));
                                        log.leafIndexes().add(row.getLong("leaf_index"));
                                        log.offsets().add(row.getLong("kafka_offset"));
                                    }
                                    for (Row tile : tiles) {
                                        logs.get(tile.getInteger("log_id")).tiles().put(
                                                new TileKey(tile.getInteger("level"), tile.getLong("idx")),
                                                tile.getBuffer("hashes").getBytes());
                                    }
                                    return logs;
                                }))))
                .await().indefinitely();
    }
}
