package votes.events.key;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of text under one secret key: what turns a voter's subject or a client's address into a value that
 * is stable within a stack yet cannot be reversed (nor an IPv4 address enumerated) without the key.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    // Mac is not thread-safe and costly to look up; one per thread keeps the hot path allocation-light.
    private final ThreadLocal<Mac> macs;

    public HmacSha256(String key, String what) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public byte[] of(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
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
