package votes.perf.swarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A client's side of ingest's proof of work: the first proof (counting up in base 36) for which
 * SHA-256(nonce + ":" + proof) starts with {@code bits} zero bits. perf cannot use ingest's ProofOfWork (ingest is a
 * Quarkus application, not a library perf depends on); a shared solver in {@code events} is under way (branch
 * wt-pages, votes.events.challenge.Hashcash, same signature): once it is on main this class goes and the swarm calls it.
 */
final class ProofSolver {

    private ProofSolver() {
    }

    static String solve(String nonce, int bits) {
        if (bits < 0 || bits > 32) {
            throw new IllegalArgumentException("difficulty must be 0..32 bits, not " + bits);
        }
        MessageDigest sha256 = sha256();
        byte[] prefix = (nonce + ":").getBytes(StandardCharsets.UTF_8);
        for (long n = 0; ; n++) {
            String proof = Long.toString(n, 36);
            sha256.update(prefix);
            if (leadingZeroBits(sha256.digest(proof.getBytes(StandardCharsets.US_ASCII))) >= bits) {
                return proof;
            }
        }
    }

    static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
