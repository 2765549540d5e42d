package votes.system.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 codes as an authenticator app makes them (HMAC-SHA1, 6 digits, 30 s): the realm's OTP policy. */
final class Totp {

    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS_MODULUS = 1_000_000;
    private static final java.util.Set<Long> USED = new java.util.HashSet<>();

    private Totp() {
    }

    /**
     * A code the realm accepts now and has not seen: the realm refuses a code used once (otpPolicyCodeReusable
     * false) and accepts the periods next to the current one (otpPolicyLookAheadWindow 1), so each call takes a
     * period of those three that this JVM has not used yet.
     */
    static synchronized String fresh(String secret) {
        long now = System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
        for (long counter : new long[] {now, now + 1, now - 1}) {
            if (USED.add(counter)) {
                return code(secret, counter);
            }
        }
        throw new IllegalStateException("three OTP codes used within 30 s; wait for the next period");
    }

    private static String code(String secret, long counter) {
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
