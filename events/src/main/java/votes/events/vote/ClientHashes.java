package votes.events.vote;

import java.util.HexFormat;
import votes.events.key.HmacSha256;

/**
 * Hex HMAC-SHA256 of a client fact (address, user agent, device id) under the stack's CLIENT_FACTS_KEY. A bare
 * hash of an IPv4 address is reversed by hashing all 2^32 of them; keyed, equal inputs still give equal values
 * within a stack (so abuse analysis and rate limits can group them) but nobody without the key can map one back.
 */
public final class ClientHashes {

    private final HmacSha256 hmac;

    public ClientHashes(String key) {
        this.hmac = new HmacSha256(key, "client facts key");
    }

    /** The keyed hash of {@code raw}, or null when there is nothing to hash. */
    public String of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return HexFormat.of().formatHex(hmac.of(raw));
    }
}
