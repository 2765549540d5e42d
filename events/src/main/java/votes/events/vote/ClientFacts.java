package votes.events.vote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the client looked like when it voted, kept for abuse analysis. The address and user agent are
 * stored only as hashes: the log must not become a list of who voted from where.
 */
public record ClientFacts(String deviceId, String addressHash, String userAgentHash) {

    public static final ClientFacts NONE = new ClientFacts(null, null, null);

    /** Hex SHA-256 of {@code raw}, or null when there is nothing to hash. */
    public static String hash(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
