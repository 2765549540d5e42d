package votes.proofs.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {

    // RFC 6962 test vectors as published by Certificate Transparency (transparency-dev/merkle testonly).
    private static final String[] ENTRIES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static MemoryLog vectors() {
        MemoryLog log = new MemoryLog();
        for (String entry : ENTRIES) {
            log.leaves.add(MerkleHash.leaf(HexFormat.of().parseHex(entry)));
        }
        return log;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHash::hex).toList();
    }

    private static List<byte[]> unhex(String... hashes) {
        List<byte[]> list = new ArrayList<>();
        for (String hash : hashes) {
            list.add(MerkleHash.fromHex(hash));
        }
        return list;
    }

    @Test
    void rootsMatchTheRfc6962VectorsForEverySize() {
        MemoryLog log = vectors();
        for (int size = 0; size <= ENTRIES.length; size++) {
            assertThat(MerkleHash.hex(MerkleProofs.root(size, log))).as("size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsMatchTheRfc6962Vectors() {
        MemoryLog log = vectors();
        assertThat(hex(MerkleProofs.inclusion(0, 8, log))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleProofs.inclusion(5, 8, log))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleProofs.verifyInclusion(log.leaves.get(5), 5, 8, MerkleProofs.inclusion(5, 8, log),
                MerkleHash.fromHex(ROOTS[8]))).isTrue();
    }

    @Test
    void consistencyProofsMatchTheRfc6962Vectors() {
        MemoryLog log = vectors();
        assertThat(hex(MerkleProofs.consistency(1, 8, log))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleProofs.consistency(6, 8, log))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleProofs.consistency(2, 5, log))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleProofs.verifyConsistency(6, 8, MerkleHash.fromHex(ROOTS[6]), MerkleHash.fromHex(ROOTS[8]),
                unhex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))).isTrue();
    }

    @Test
    void everyInclusionProofVerifiesAndNoMangledOneDoes() {
        MemoryLog log = MemoryLog.ofEntries(70);
        for (int size = 1; size <= 70; size++) {
            byte[] root = log.root(size);
            for (int leaf = 0; leaf < size; leaf++) {
                List<byte[]> proof = MerkleProofs.inclusion(leaf, size, log);
                byte[] hash = log.leaves.get(leaf);
                assertThat(MerkleProofs.verifyInclusion(hash, leaf, size, proof, root)).as("%d/%d", leaf, size).isTrue();
                if (size > 1) {
                    assertThat(MerkleProofs.verifyInclusion(hash, (leaf + 1) % size, size, proof, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(log.leaves.get((leaf + 1) % size), leaf, size, proof, root))
                            .isFalse();
                    assertThat(MerkleProofs.verifyInclusion(hash, leaf, size, flipLast(proof), root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(hash, leaf, size, proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                    List<byte[]> longer = new ArrayList<>(proof);
                    longer.add(new byte[MerkleHash.SIZE]);
                    assertThat(MerkleProofs.verifyInclusion(hash, leaf, size, longer, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoMangledOneDoes() {
        MemoryLog log = MemoryLog.ofEntries(70);
        for (int newSize = 0; newSize <= 70; newSize++) {
            for (int oldSize = 0; oldSize <= newSize; oldSize++) {
                List<byte[]> proof = MerkleProofs.consistency(oldSize, newSize, log);
                byte[] oldRoot = log.root(oldSize);
                byte[] newRoot = log.root(newSize);
                assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof))
                        .as("%d -> %d", oldSize, newSize).isTrue();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, flipLast(proof)))
                            .isFalse();
                    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot,
                            proof.subList(0, proof.size() - 1))).isFalse();
                }
                if (oldSize > 0 && oldSize < newSize) {
                    // A different old tree (one leaf replaced) is not extended by the new one.
                    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, log.root(oldSize - 1), newRoot, proof))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void degenerateConsistencyCasesFollowRfc9162() {
        MemoryLog log = MemoryLog.ofEntries(8);
        assertThat(MerkleProofs.verifyConsistency(4, 4, log.root(4), log.root(4), List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(4, 4, log.root(4), log.root(5), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 8, MerkleHash.emptyRoot(), log.root(8), List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 8, log.root(1), log.root(8), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 4, log.root(6), log.root(4), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 8, log.root(6), log.root(8), List.of())).isFalse();
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MemoryLog log = MemoryLog.ofEntries(8);
        assertThatThrownBy(() -> MerkleProofs.inclusion(8, 8, log)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistency(5, 3, log)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleProofs.verifyInclusion(log.leaves.get(0), 8, 8, List.of(), log.root(8))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(new byte[31], 0, 1, List.of(), log.root(1))).isFalse();
    }

    private static List<byte[]> flipLast(List<byte[]> proof) {
        List<byte[]> flipped = new ArrayList<>(proof);
        byte[] last = flipped.get(flipped.size() - 1).clone();
        last[7] ^= 0x01;
        flipped.set(flipped.size() - 1, last);
        return flipped;
    }
}
