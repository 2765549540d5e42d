package votes.events.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Pseudonymous voter ids: base64url HMAC-SHA256 of the identity provider's subject under a secret key.
 * Stable (one voter, one id, so the unique constraint works) yet not reversible without the key, so the log
 * and the ledger never hold an e-mail or a name. The key has an id, carried in each vote event, so a vote says
 * which key made its pseudonym once keys rotate.
 */
public final class VoterIds {

    /** Hex digits of SHA-256(key) in a derived key id: enough to tell keys apart, far too few to test a guess. */
    static final int DERIVED_ID_HEX = 8;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HmacSha256 hmac;
    private final String keyId;

    /** With the key id derived from the key ({@link #keyIdOf}). */
    public VoterIds(String key) {
        this(key, null);
    }

    /** @param keyId the operator's name for this key (VOTER_ID_KEY_ID), or null/blank to derive it */
    public VoterIds(String key, String keyId) {
        this.hmac = new HmacSha256(key, "voter id key");
        this.keyId = keyId == null || keyId.isBlank() ? keyIdOf(key) : keyId.strip();
    }

    /** The pseudonymous id of the voter whose token subject is {@code subject}: 43 URL-safe characters. */
    public String of(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a voter needs a subject");
        }
        return BASE64URL.encodeToString(hmac.of(subject));
    }

    /** Which key made these ids: safe to publish, it names the key without revealing it. */
    public String keyId() {
        return keyId;
    }

    /** The first {@value #DERIVED_ID_HEX} hex digits of SHA-256 of the key. */
    public static String keyIdOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, DERIVED_ID_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
