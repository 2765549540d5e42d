package votes.events.key;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous voter ids: base64url HMAC-SHA256 of the identity provider's subject under a secret key.
 * Stable (one voter, one id, so the unique constraint works) yet not reversible without the key, so the log
 * and the ledger never hold an e-mail or a name.
 */
public final class VoterIds {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    // Mac is not thread-safe and costly to look up; one per thread keeps the hot path allocation-light.
    private final ThreadLocal<Mac> macs;

    public VoterIds(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the voter id key must not be empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The pseudonymous id of the voter whose token subject is {@code subject}: 43 URL-safe characters. */
    public String of(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a voter needs a subject");
        }
        return BASE64URL.encodeToString(macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
