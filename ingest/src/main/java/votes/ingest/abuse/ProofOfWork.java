package votes.ingest.abuse;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashcash-style proof of work that needs no server state: the nonce is an HMAC of (voter, poll, time
 * window), so the server re-derives it to check an answer instead of remembering what it handed out. An
 * answer stays good for the window it was issued in and the next one; it cannot be reused for another poll
 * or voter (and a voter can only vote once per poll anyway).
 */
public final class ProofOfWork {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_PROOF_LENGTH = 64;

    private final SecretKeySpec secret;
    private final int difficulty;
    private final long windowMillis;

    public ProofOfWork(String secret, int difficulty, Duration window) {
        if (difficulty < 0 || difficulty > 32) {
            throw new IllegalArgumentException("difficulty must be 0..32 bits, not " + difficulty);
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.difficulty = difficulty;
        this.windowMillis = window.toMillis();
    }

    public Challenge challenge(String voterId, String pollId, Instant now) {
        return Challenge.of(difficulty, nonce(voterId, pollId, window(now)));
    }

    public boolean verify(String proof, String voterId, String pollId, Instant now) {
        if (proof == null || proof.isEmpty() || proof.length() > MAX_PROOF_LENGTH) {
            return false;
        }
        long current = window(now);
        return solves(nonce(voterId, pollId, current), proof, difficulty)
                || solves(nonce(voterId, pollId, current - 1), proof, difficulty);
    }

    /** True when sha256(nonce + ":" + proof) starts with {@code bits} zero bits. */
    public static boolean solves(String nonce, String proof, int bits) {
        byte[] digest = sha256(nonce + ":" + proof);
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (digest[i] != 0) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || (digest[full] & 0xff) >>> (8 - rest) == 0;
    }

    /** What a client does (here for tests and the load generator): count up until the hash fits. */
    public static String solve(Challenge challenge) {
        for (long n = 0; ; n++) {
            String proof = Long.toString(n, 36);
            if (solves(challenge.nonce(), proof, challenge.difficulty())) {
                return proof;
            }
        }
    }

    private long window(Instant now) {
        return now.toEpochMilli() / windowMillis;
    }

    private String nonce(String voterId, String pollId, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] tag = mac.doFinal((voterId + "|" + pollId + "|" + window).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(java.util.Arrays.copyOf(tag, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
