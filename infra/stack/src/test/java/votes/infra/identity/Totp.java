package votes.infra.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 codes as an authenticator app makes them (HMAC-SHA1, 6 digits, 30 s): the realm's OTP policy. */
final class Totp {

    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS_MODULUS = 1_000_000;

    private Totp() {
    }

    /** The code for now, for a key stored as Keycloak stores it (the secret's text, UTF-8). */
    static String now(String secret) {
        long counter = System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return String.format("%06d", binary % DIGITS_MODULUS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
