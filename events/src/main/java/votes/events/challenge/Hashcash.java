package votes.events.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongConsumer;

/**
 * The arithmetic of ingest's proof of work, one copy for the server and every Java client: a proof answers a nonce
 * at {@code bits} when SHA-256(nonce + ":" + proof) starts with {@code bits} zero bits. Ingest checks answers with
 * {@link #solves}; the {@code ./vote cast} CLI, the load generator and the tests find them with {@link #solve}. The
 * vote page has the same search in JavaScript (realtime's pow-worker.js), proven against this one by a system test.
 */
public final class Hashcash {

    /** How many attempts pass between two progress reports: rare enough to cost nothing, often enough to watch. */
    public static final int REPORT_EVERY = 1 << 16;
    private static final int MAX_BITS = 32;

    private Hashcash() {
    }

    /** True when sha256(nonce + ":" + proof) starts with {@code bits} zero bits. */
    public static boolean solves(String nonce, String proof, int bits) {
        return leadingZeroBits(sha256().digest((nonce + ":" + proof).getBytes(StandardCharsets.UTF_8)), bits);
    }

    /** The first proof (counting up in base 36 from "0") that solves the nonce at {@code bits}. */
    public static String solve(String nonce, int bits) {
        return solve(nonce, bits, tried -> { });
    }

    /**
     * As {@link #solve(String, int)}, telling {@code progress} the attempts so far every {@link #REPORT_EVERY}.
     *
     * @throws IllegalArgumentException for bits outside 0..32 (beyond 32 a search takes longer than any vote waits)
     * @throws CancellationException    when the thread is interrupted (checked at each report)
     */
    public static String solve(String nonce, int bits, LongConsumer progress) {
        if (bits < 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("difficulty must be 0.." + MAX_BITS + " bits, not " + bits);
        }
        MessageDigest digest = sha256();
        byte[] prefix = (nonce + ":").getBytes(StandardCharsets.UTF_8);
        for (long n = 0; ; n++) {
            String proof = Long.toString(n, 36);
            digest.update(prefix);
            if (leadingZeroBits(digest.digest(proof.getBytes(StandardCharsets.US_ASCII)), bits)) {
                return proof;
            }
            if ((n + 1) % REPORT_EVERY == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("proof-of-work search interrupted after " + (n + 1) + " attempts");
                }
                progress.accept(n + 1);
            }
        }
    }

    /** The attempts a search needs on average: 2^bits. */
    public static long expectedAttempts(int bits) {
        return 1L << bits;
    }

    private static boolean leadingZeroBits(byte[] digest, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (digest[i] != 0) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || (digest[full] & 0xff) >>> (8 - rest) == 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** A search given up because its thread was interrupted (a cancelled vote, a stopped run). */
    public static final class CancellationException extends RuntimeException {
        CancellationException(String message) {
            super(message);
        }
    }
}
