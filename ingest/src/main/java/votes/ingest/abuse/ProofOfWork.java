package votes.ingest.abuse;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import votes.events.challenge.Hashcash;

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
        return Hashcash.solves(nonce(voterId, pollId, current), proof, difficulty)
                || Hashcash.solves(nonce(voterId, pollId, current - 1), proof, difficulty);
    }

    /** What a client does (here for tests): count up until the hash fits. */
    public static String solve(Challenge challenge) {
        return Hashcash.solve(challenge.nonce(), challenge.difficulty());
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
}
