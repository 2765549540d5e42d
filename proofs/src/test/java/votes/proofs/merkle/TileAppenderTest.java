package votes.proofs.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TileAppenderTest {

    /** What the ledger keeps between batches: size, right edge and the full tiles written so far. */
    private static final class StoredLog {
        long size;
        byte[] rightEdge = new byte[0];
        final Map<TileKey, byte[]> tiles = new HashMap<>();

        byte[] appendBatch(List<byte[]> leaves) {
            TileAppender appender = new TileAppender(size, rightEdge);
            leaves.forEach(appender::append);
            for (Tile tile : appender.fullTiles()) {
                assertThat(tiles.put(tile.key(), tile.hashes())).as("tile %s written twice", tile.key()).isNull();
                assertThat(tile.hashes()).hasSize(Tiles.WIDTH * MerkleHash.SIZE);
            }
            size = appender.size();
            rightEdge = appender.rightEdge();
            return appender.root();
        }

        TileNodes nodes() {
            return new TileNodes(tiles, rightEdge);
        }
    }

    @Test
    void batchesOfAnySizeGiveTheRootOfTheWholeTree() {
        MemoryLog reference = MemoryLog.ofEntries(5000);
        StoredLog stored = new StoredLog();
        Random random = new Random(42);
        int next = 0;
        while (next < reference.leaves.size()) {
            int batch = Math.min(reference.leaves.size() - next, 1 + random.nextInt(random.nextBoolean() ? 5 : 400));
            byte[] root = stored.appendBatch(reference.leaves.subList(next, next + batch));
            next += batch;
            assertThat(MerkleHash.hex(root)).as("root at %d", next).isEqualTo(MerkleHash.hex(reference.root(next)));
        }
        // 5000 leaves: full tiles at levels 0 (312), 1 (19) and 2 (1); nothing else was stored.
        assertThat(stored.tiles).hasSize(312 + 19 + 1);
    }

    @Test
    void storedTilesAnswerProofsForEveryOlderTreeSize() {
        MemoryLog reference = MemoryLog.ofEntries(700);
        StoredLog stored = new StoredLog();
        stored.appendBatch(reference.leaves);
        TileNodes nodes = stored.nodes();
        for (int size = 1; size <= 700; size += 37) {
            assertThat(MerkleHash.hex(MerkleProofs.root(size, nodes))).isEqualTo(MerkleHash.hex(reference.root(size)));
            for (int leaf = 0; leaf < size; leaf += 13) {
                assertThat(hex(MerkleProofs.inclusion(leaf, size, nodes)))
                        .isEqualTo(hex(MerkleProofs.inclusion(leaf, size, reference)));
            }
            assertThat(hex(MerkleProofs.consistency(size, 700, nodes)))
                    .isEqualTo(hex(MerkleProofs.consistency(size, 700, reference)));
        }
    }

    @Test
    void neededNamesEveryTileAProofReads() {
        MemoryLog reference = MemoryLog.ofEntries(1000);
        StoredLog stored = new StoredLog();
        stored.appendBatch(reference.leaves);
        Map<TileKey, byte[]> fetched = new HashMap<>();
        for (TileKey key : TileNodes.needed(ProofRequest.inclusion(517, 1000))) {
            if (stored.tiles.containsKey(key)) {
                fetched.put(key, stored.tiles.get(key));
            }
        }
        TileNodes partial = new TileNodes(fetched, stored.rightEdge);
        List<byte[]> proof = MerkleProofs.inclusion(517, 1000, partial);
        assertThat(MerkleProofs.verifyInclusion(reference.leaves.get(517), 517, 1000, proof, reference.root(1000)))
                .isTrue();
        assertThat(fetched.size()).isLessThan(12);
    }

    @Test
    void aRightEdgeThatDoesNotFitTheSizeIsRefused() {
        StoredLog stored = new StoredLog();
        stored.appendBatch(MemoryLog.ofEntries(20).leaves);
        assertThatThrownBy(() -> new TileAppender(21, stored.rightEdge)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stored.nodes().node(0, 25)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void compactRangeRootsMatchTheReference() {
        MemoryLog reference = MemoryLog.ofEntries(300);
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(MerkleHash.emptyRoot());
        for (int i = 0; i < 300; i++) {
            range.append(reference.leaves.get(i));
            assertThat(MerkleHash.hex(range.root())).isEqualTo(MerkleHash.hex(reference.root(i + 1)));
        }
        assertThat(range.size()).isEqualTo(300);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHash::hex).toList();
    }
}
