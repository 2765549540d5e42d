package votes.perf.floor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * One RS256 verify of a voter token, the JDK's {@code Signature} (what smallrye-jwt ends in), warmed: the
 * verifying thread's CPU time over {@code ops} verifies. A fresh {@code Signature} per verify, as a per-request
 * verifier gets one (its setup is part of the cost).
 */
public final class Rs256Floor {

    private final PublicKey key;
    private final byte[] signedPart;
    private final byte[] signature;

    public Rs256Floor(PublicKey key, String token) {
        int lastDot = token.lastIndexOf('.');
        this.key = key;
        this.signedPart = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        this.signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    }

    public FloorCost measure(int warmup, int ops) throws GeneralSecurityException {
        verify(warmup);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        verify(ops);
        long t1 = threads.getCurrentThreadCpuTime();
        return new FloorCost("RS256 verify", "JDK Signature SHA256withRSA, 2048-bit stack key, warmed; thread CPU",
                ops, (t1 - t0) / 1e3, Double.NaN);
    }

    private void verify(int n) throws GeneralSecurityException {
        for (int i = 0; i < n; i++) {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(signedPart);
            if (!s.verify(signature)) {
                throw new IllegalStateException("the token's signature does not verify with the stack's public key");
            }
        }
    }
}
