package votes.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.proofs.merkle.CompactRange;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.Tile;
import votes.events.vote.VoteSubmitted;
import votes.ledger.vote.LedgerEntry;

class LogAppendsTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00.123456789Z");

    @Test
    void leavesGetContiguousIndexesPerLogInOffsetOrderWhateverTheBatchOrder() {
        Map<Integer, StoredLog> stored = Map.of(0, empty(0), 1, empty(1));
        List<LedgerEntry> records = List.of(entry(1, 7), entry(0, 9), entry(1, 3), entry(0, 2), entry(1, 5));

        LogAppends appends = LogAppends.of(stored, records);

        assertThat(appends.records()).extracting(a -> a.entry().partition() + "@" + a.entry().offset() + "#" + a.leafIndex())
                .containsExactly("0@2#0", "0@9#1", "1@3#0", "1@5#1", "1@7#2");
        assertThat(appends.logs()).extracting(LogUpdate::logId, LogUpdate::size).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 2L), org.assertj.core.groups.Tuple.tuple(1, 3L));
    }

    @Test
    void secondBatchContinuesFromTheStoredHeadAndItsRootIsTheWholeLogsRoot() {
        CompactRange whole = new CompactRange();
        Map<Integer, StoredLog> stored = new HashMap<>(Map.of(4, empty(4)));
        List<Tile> tiles = new ArrayList<>();
        long offset = 0;
        // Batches of 13, 20 and 30 leaves: level-0 tiles complete across (16) and inside (32, 48) batches.
        for (int batch : new int[] {13, 20, 30}) {
            List<LedgerEntry> records = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                LedgerEntry entry = entry(4, offset++ * 2);
                records.add(entry);
                whole.append(LedgerLeaf.of(entry.vote(), 4, entry.offset()).hash());
            }
            LogAppends appends = LogAppends.of(stored, records);
            LogUpdate update = appends.logs().get(0);
            assertThat(appends.records().get(0).leafIndex()).isEqualTo(stored.get(4).size());
            assertThat(MerkleHash.hex(update.root())).isEqualTo(MerkleHash.hex(whole.root()));
            tiles.addAll(update.fullTiles());
            stored.put(4, new StoredLog(4, update.size(), update.rightEdge()));
        }
        assertThat(stored.get(4).size()).isEqualTo(63);
        assertThat(tiles).extracting(Tile::level, Tile::index).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 0L), org.assertj.core.groups.Tuple.tuple(0, 1L),
                org.assertj.core.groups.Tuple.tuple(0, 2L));
    }

    @Test
    void theLeafIsTheVoteAsPostgresKeepsIt() {
        LogAppends appends = LogAppends.of(Map.of(2, empty(2)), List.of(entry(2, 11)));

        LedgerLeaf leaf = appends.records().get(0).leaf();
        assertThat(leaf.submittedAt()).isEqualTo(Instant.parse("2026-11-21T12:00:00.123456Z"));
        assertThat(leaf.partition()).isEqualTo(2);
        assertThat(leaf.offset()).isEqualTo(11);
    }

    @Test
    void noRecordsChangeNoLog() {
        assertThat(LogAppends.of(Map.of(0, empty(0)), List.of()).logs()).isEmpty();
    }

    @Test
    void aRecordOfAnUnlockedLogIsABug() {
        assertThatThrownBy(() -> LogAppends.of(Map.of(0, empty(0)), List.of(entry(3, 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("log 3");
    }

    private static StoredLog empty(int log) {
        return new StoredLog(log, 0, LogAppends.emptyRightEdge());
    }

    private static LedgerEntry entry(int partition, long offset) {
        return new LedgerEntry(VoteSubmitted.of(UUID.randomUUID(), "p", "voter-" + partition + "-" + offset, "a", AT,
                null, null), partition, offset);
    }
}
