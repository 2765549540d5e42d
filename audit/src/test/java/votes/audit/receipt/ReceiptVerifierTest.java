package votes.audit.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.audit.check.Check;
import votes.audit.check.Checklist;
import votes.audit.check.Status;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.codec.EventCodec;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.ReceiptChain;
import votes.proofs.receipt.ReceiptView;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.MerkleProofs;
import votes.proofs.merkle.NodeSource;

class ReceiptVerifierTest {

    @TempDir
    Path keys;

    PublicKey publicKey;
    PrivateKey privateKey;
    final List<LedgerLeaf> leaves = new ArrayList<>();
    final List<byte[]> hashes = new ArrayList<>();

    @BeforeEach
    void aLogOfThirteenVotes() {
        Ed25519Keys.ensure(keys.resolve("private.pem"), keys.resolve("public.pem"));
        privateKey = Ed25519Keys.loadPrivate(keys.resolve("private.pem"));
        publicKey = Ed25519Keys.loadPublic(keys.resolve("public.pem"));
        for (int i = 0; i < 13; i++) {
            LedgerLeaf leaf = new LedgerLeaf(UUID.randomUUID(), "song", "voter-" + i, i % 2 == 0 ? "a" : "b",
                    Instant.parse("2026-11-21T08:00:00Z").plusMillis(i), 3, 100 + i);
            leaves.add(leaf);
            hashes.add(leaf.hash());
        }
    }

    /** The receipt JSON the API serves for leaf i, proving against a checkpoint of the whole log. */
    String receiptJson(int i) {
        NodeSource nodes = this::node;
        byte[] root = MerkleProofs.root(hashes.size(), nodes);
        SignedCheckpoint checkpoint = Ed25519Keys.sign(new Checkpoint("votes-ledger-test", 9, Instant.now(),
                List.of(new LogHead(3, hashes.size(), MerkleHash.hex(root)))), privateKey, publicKey);
        List<String> proof = MerkleProofs.inclusion(i, hashes.size(), nodes).stream().map(MerkleHash::hex).toList();
        LedgerLeaf leaf = leaves.get(i);
        return """
                {"receiptId":"%s","pollId":"song","optionId":"%s","status":"recorded","reason":null,
                 "entry":{"eventId":"%s","pollId":"song","voterId":"%s","optionId":"%s","submittedAt":"%s","partition":3,"offset":%d},
                 "chain":{"log":3,"leafIndex":%d,"treeSize":%d,"leafHash":"%s","inclusionProof":%s,"checkpoint":%s}}
                """.formatted(leaf.eventId(), leaf.optionId(), leaf.eventId(), leaf.voterId(), leaf.optionId(),
                leaf.submittedAt(), leaf.offset(), i, hashes.size(), MerkleHash.hex(leaf.hash()),
                EventCodec.toJson(proof), EventCodec.toJson(checkpoint));
    }

    @Test
    void everyLeafsReceiptVerifiesOffline() {
        for (int i = 0; i < leaves.size(); i++) {
            Checklist checklist = ReceiptVerifier.verify(ReceiptJson.receipt(receiptJson(i)), publicKey, null);
            assertThat(checklist.exitCode()).as("leaf " + i).isZero();
            assertThat(checklist.checks()).hasSize(5).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
        }
    }

    @Test
    void aForgedProofHashFails() {
        String json = receiptJson(6);
        ReceiptView receipt = ReceiptJson.receipt(json);
        List<String> proof = new ArrayList<>(receipt.chain().orElseThrow().inclusionProof());
        proof.set(1, flip(proof.get(1)));
        ReceiptView forged = new ReceiptView(receipt.receiptId(), receipt.pollId(), receipt.optionId(),
                receipt.status(), null, receipt.acceptedAt(), receipt.recordedAt(), receipt.entry(), Optional.of(new ReceiptChain(3, 6, receipt.chain().orElseThrow().treeSize(), receipt.chain().orElseThrow().leafHash(), proof,
                        receipt.chain().orElseThrow().checkpoint())));

        Checklist checklist = ReceiptVerifier.verify(forged, publicKey, null);

        assertThat(checklist.exitCode()).isEqualTo(1);
        assertThat(last(checklist).status()).isEqualTo(Status.FAIL);
        assertThat(last(checklist).title()).contains("inclusion proof");
    }

    @Test
    void aChangedEntryNoLongerHashesToTheLeaf() {
        String json = receiptJson(2).replace("\"optionId\":\"a\",\"submittedAt\"", "\"optionId\":\"b\",\"submittedAt\"");

        Checklist checklist = ReceiptVerifier.verify(ReceiptJson.receipt(json), publicKey, null);

        assertThat(checklist.checks().get(1).status()).isEqualTo(Status.FAIL);
        assertThat(checklist.checks().get(1).firstOffender()).contains("entry hashes to");
        assertThat(checklist.exitCode()).isEqualTo(1);
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails(@TempDir Path other) {
        Ed25519Keys.ensure(other.resolve("private.pem"), other.resolve("public.pem"));

        Checklist checklist = ReceiptVerifier.verify(ReceiptJson.receipt(receiptJson(0)),
                Ed25519Keys.loadPublic(other.resolve("public.pem")), null);

        assertThat(checklist.checks().get(2).status()).isEqualTo(Status.FAIL);
        assertThat(checklist.exitCode()).isEqualTo(1);
    }

    @Test
    void aReceiptWithoutChainOrKeyCannotBeVerified() {
        String pending = receiptJson(0).replaceAll("\"chain\":\\{.*}}\\s*$", "\"chain\":null}");

        assertThat(ReceiptVerifier.verify(ReceiptJson.receipt(pending), publicKey, null).exitCode()).isEqualTo(2);
        assertThat(ReceiptVerifier.verify(ReceiptJson.receipt(receiptJson(0)), null, "no key").exitCode()).isEqualTo(2);
    }

    @Test
    void aMalformedProofHashFailsInsteadOfStoppingTheCheck() {
        ReceiptView receipt = ReceiptJson.receipt(receiptJson(6));
        List<String> proof = new ArrayList<>(receipt.chain().orElseThrow().inclusionProof());
        proof.set(0, "zz" + proof.get(0).substring(2));
        ReceiptView forged = new ReceiptView(receipt.receiptId(), receipt.pollId(), receipt.optionId(),
                receipt.status(), null, receipt.acceptedAt(), receipt.recordedAt(), receipt.entry(), Optional.of(new ReceiptChain(3, 6, receipt.chain().orElseThrow().treeSize(), receipt.chain().orElseThrow().leafHash(), proof,
                        receipt.chain().orElseThrow().checkpoint())));

        Checklist checklist = ReceiptVerifier.verify(forged, publicKey, null);

        assertThat(last(checklist).status()).isEqualTo(Status.FAIL);
        assertThat(checklist.exitCode()).isEqualTo(1);
    }

    @Test
    void aCheckpointWithAMalformedRootIsAMalformedReceiptNotAnErrorToRunInto() {
        String json = receiptJson(0);
        String root = json.replaceAll("(?s).*\"root\":\"([0-9a-f]{64})\".*", "$1");
        String forged = json.replace("\"root\":\"" + root + "\"", "\"root\":\"" + root.toUpperCase() + "\"");

        MalformedDocument malformed = null;
        try {
            ReceiptJson.receipt(forged);
        } catch (MalformedDocument e) {
            malformed = e;
        }
        assertThat(malformed).as("an upper-case root").isNotNull().hasMessageContaining("not a well-formed receipt");

        Checklist checklist = ReceiptVerifier.malformed(malformed);
        assertThat(checklist.exitCode()).isEqualTo(1);
        assertThat(checklist.checks().get(0).firstOffender()).contains("64 lower-case hex digits");
        assertThatThrownBy(() -> ReceiptJson.receipt("{not json")).isNotInstanceOf(MalformedDocument.class)
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
    }

    private byte[] node(int level, long index) {
        long from = index << level;
        long to = Math.min((index + 1) << level, hashes.size());
        return subtree(from, to);
    }

    private byte[] subtree(long from, long to) {
        if (to - from == 1) {
            return hashes.get((int) from);
        }
        long split = Long.highestOneBit(to - from - 1);
        return MerkleHash.node(subtree(from, from + split), subtree(from + split, to));
    }

    private static String flip(String hex) {
        char c = hex.charAt(0);
        return (c == '0' ? '1' : '0') + hex.substring(1);
    }

    private static Check last(Checklist checklist) {
        return checklist.checks().get(checklist.checks().size() - 1);
    }
}
