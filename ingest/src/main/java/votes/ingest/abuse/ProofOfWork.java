package votes.ingest.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import votes.events.challenge.Hashcash;
import votes.events.key.HmacSha256;

/**
 * Hashcash-style proof of work that needs no server state: the nonce says when it was issued and how hard it is,
 * and carries an HMAC of (voter, poll, issue time, difficulty), so the server re-derives the tag to check an answer
 * instead of remembering what it handed out. The client echoes the nonce
 * ({@link votes.events.challenge.ChallengeRequired#NONCE_HEADER}) with its proof. An answer is good for
 * {@code window} after issue; it cannot be reused for another poll or voter (and a voter can only vote once per poll
 * anyway), nor its difficulty lowered (the tag covers it). The issue time in the nonce also gives the solve time
 * (arrival − issue), a bot-score feature.
 */
public final class ProofOfWork {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_PROOF_LENGTH = 64;
    private static final int MAX_NONCE_LENGTH = 80;
    private static final int MAX_DIFFICULTY = 32;
    private static final int TAG_BYTES = 16;

    /** A valid answer: how hard its challenge was and how long after issue it arrived. */
    public record Solved(int difficulty, Duration solveTime) {
    }

    private final HmacSha256 mac;
    private final Duration window;
    // A nonce "issued" after now by more than this was not issued by us on a sane clock.
    private final Duration clockSkew;

    public ProofOfWork(String secret, Duration window, Duration clockSkew) {
        this.mac = new HmacSha256(secret, "challenge secret");
        this.window = window;
        this.clockSkew = clockSkew;
    }

    public Challenge challenge(String voterId, String pollId, int difficulty, Instant now) {
        if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be 0.." + MAX_DIFFICULTY + " bits, not " + difficulty);
        }
        long issuedAt = now.toEpochMilli();
        return Challenge.of(difficulty, issuedAt + "." + difficulty + "." + tag(voterId, pollId, issuedAt, difficulty));
    }

    /** The answer if {@code proof} solves {@code nonce}, a nonce we issued for this voter and poll within the window. */
    public Optional<Solved> verify(String nonce, String proof, String voterId, String pollId, Instant now) {
        if (proof == null || proof.isEmpty() || proof.length() > MAX_PROOF_LENGTH
                || nonce == null || nonce.length() > MAX_NONCE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = nonce.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        long issuedAt;
        int difficulty;
        try {
            issuedAt = Long.parseLong(parts[0]);
            difficulty = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
            return Optional.empty();
        }
        Duration age = Duration.ofMillis(now.toEpochMilli() - issuedAt);
        if (age.compareTo(window) > 0 || age.compareTo(clockSkew.negated()) < 0) {
            return Optional.empty();
        }
        // Constant time: a byte-by-byte early exit would let a client learn the tag one byte at a time.
        boolean ours = MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                tag(voterId, pollId, issuedAt, difficulty).getBytes(StandardCharsets.US_ASCII));
        if (!ours || !Hashcash.solves(nonce, proof, difficulty)) {
            return Optional.empty();
        }
        return Optional.of(new Solved(difficulty, age.isNegative() ? Duration.ZERO : age));
    }

    /** What a client does (here for tests): count up until the hash fits. */
    public static String solve(Challenge challenge) {
        return Hashcash.solve(challenge.nonce(), challenge.difficulty());
    }

    private String tag(String voterId, String pollId, long issuedAt, int difficulty) {
        byte[] full = mac.of(voterId + "|" + pollId + "|" + issuedAt + "|" + difficulty);
        return BASE64URL.encodeToString(Arrays.copyOf(full, TAG_BYTES));
    }
}
