package votes.proofs.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * RFC 6962 hashing: a leaf is {@code SHA-256(0x00 || entry)}, an interior node {@code SHA-256(0x01 || left || right)},
 * the empty tree {@code SHA-256("")}. The two prefixes keep a leaf from ever passing for a node (second preimages).
 */
public final class MerkleHash {

    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();
    // MessageDigest is not thread-safe and costly to look up; one per thread is reused.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHash::newDigest);

    private MerkleHash() {
    }

    public static byte[] leaf(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = fresh();
        digest.update(LEAF_PREFIX);
        return digest.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest digest = fresh();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    public static byte[] emptyRoot() {
        return fresh().digest(new byte[0]);
    }

    /** Reset first: a hash that threw half-way must not leak its bytes into this thread's next one. */
    private static MessageDigest fresh() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** @throws IllegalArgumentException if the text is not 64 hex digits */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a hash is " + 2 * SIZE + " hex digits, not: " + hex);
        }
        return HEX.parseHex(hex);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
