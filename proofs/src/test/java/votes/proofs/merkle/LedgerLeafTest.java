package votes.proofs.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.LogHead;
import votes.events.vote.ClientFacts;
import votes.events.vote.VoteSubmitted;

class LedgerLeafTest {

    private static final UUID EVENT = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");

    @Test
    void theLeafFromTheLogEventEqualsTheLeafFromTheStoredRow() {
        Instant nanos = Instant.parse("2026-11-21T08:00:00.123456789Z");
        VoteSubmitted vote = VoteSubmitted.of(EVENT, "final", "voter-1", "blue", nanos, null, ClientFacts.NONE);
        LedgerLeaf fromLog = LedgerLeaf.of(vote, 3, 41);
        LedgerLeaf fromRow = new LedgerLeaf(EVENT, "final", "voter-1", "blue",
                Instant.parse("2026-11-21T08:00:00.123456Z"), 3, 41);
        assertThat(fromLog).isEqualTo(fromRow);
        assertThat(fromLog.hash()).isEqualTo(fromRow.hash());
    }

    @Test
    void everyFieldChangesTheHashAndFieldBoundariesCannotBeShifted() {
        Instant at = Instant.parse("2026-11-21T08:00:00Z");
        LedgerLeaf leaf = new LedgerLeaf(EVENT, "ab", "c", "blue", at, 0, 1);
        List<LedgerLeaf> others = List.of(
                new LedgerLeaf(UUID.randomUUID(), "ab", "c", "blue", at, 0, 1),
                new LedgerLeaf(EVENT, "a", "bc", "blue", at, 0, 1),
                new LedgerLeaf(EVENT, "ab", "c", "red", at, 0, 1),
                new LedgerLeaf(EVENT, "ab", "c", "blue", at.plusNanos(1000), 0, 1),
                new LedgerLeaf(EVENT, "ab", "c", "blue", at, 1, 1),
                new LedgerLeaf(EVENT, "ab", "c", "blue", at, 0, 2));
        for (LedgerLeaf other : others) {
            assertThat(MerkleHash.hex(other.hash())).as("%s", other).isNotEqualTo(MerkleHash.hex(leaf.hash()));
        }
    }

    @Test
    void anInclusionProofVerifiesOnlyForItsLeafAgainstItsCheckpoint() {
        Instant at = Instant.parse("2026-11-21T08:00:00Z");
        MemoryLog log = new MemoryLog();
        List<LedgerLeaf> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            LedgerLeaf leaf = new LedgerLeaf(UUID.randomUUID(), "final", "voter-" + i, "blue", at, 2, 100 + i);
            leaves.add(leaf);
            log.leaves.add(leaf.hash());
        }
        Checkpoint checkpoint = new Checkpoint("test", 1, at, List.of(new LogHead(2, 11, MerkleHash.hex(log.root(11)))));
        InclusionProof proof = InclusionProof.of(2, 6, 11, leaves.get(6).hash(), MerkleProofs.inclusion(6, 11, log));

        assertThat(proof.verify(leaves.get(6), checkpoint)).isTrue();
        assertThat(proof.verify(leaves.get(5), checkpoint)).isFalse();
        LedgerLeaf otherOption = new LedgerLeaf(leaves.get(6).eventId(), "final", "voter-6", "red", at, 2, 106);
        assertThat(proof.verify(otherOption, checkpoint)).isFalse();
        Checkpoint otherSize = new Checkpoint("test", 2, at, List.of(new LogHead(2, 12, MerkleHash.hex(log.root(11)))));
        assertThat(proof.verify(leaves.get(6), otherSize)).isFalse();
        List<String> forged = new java.util.ArrayList<>(proof.hashes());
        forged.set(0, "00".repeat(32));
        assertThat(new InclusionProof(2, 6, 11, proof.leafHash(), forged).verify(leaves.get(6), checkpoint)).isFalse();
    }

    /**
     * A known answer: the ledger and an auditor built from different versions must hash a leaf alike, so a change
     * to the encoding (field order, instant format) has to be a new tag, never a silent fork. The value was checked
     * with an independent implementation (Python: SHA-256 of 0x00 and the length-prefixed UTF-8 fields).
     */
    @Test
    void theLeafEncodingIsFrozen() {
        LedgerLeaf leaf = new LedgerLeaf(EVENT, "final", "voter-1", "blue",
                Instant.parse("2026-11-21T08:00:00.123456Z"), 3, 41);
        assertThat(MerkleHash.hex(leaf.hash())).isEqualTo(KNOWN_LEAF_HASH);
    }

    private static final String KNOWN_LEAF_HASH = "1c5e9bce67cd6c941d27a7ea1f826b24e0b99b4f55cadbe69969524cba034ea7";
}
