package votes.ingest.abuse;

import io.netty.util.NetUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import votes.events.vote.ClientHashes;

/**
 * Which limits a vote counts against: its voter (a token bucket), its client address, that address's network
 * prefix and its device (sliding logs); of keys that refuse together the first in this order names the refusal. Keys come only from what the trusted gateway set: the address it wrote
 * into X-Forwarded-For and the device header it passed on; a vote without a device id counts on its address's
 * device key, so leaving the header out buys nothing. Every key but the voter's is a keyed hash (client facts must
 * not shape our key space nor be readable in Redis). The voter key is hash-tagged by voter like every voter-scoped
 * key; the others live in their own slots (on a Redis Cluster the fast path would split into two scripts).
 */
public final class RateLimits {

    public static final String VOTER = "voter";
    public static final String DEVICE = "device";
    public static final String ADDRESS = "address";
    public static final String PREFIX = "prefix";

    /**
     * One limit to apply: its Redis key (also the in-process key), the limit, and the keyed subject it counts (the
     * address's, prefix's or device's hash as a flag names it; null for the voter, whose key is the voter id).
     */
    public record Counter(String key, Limit limit, String subjectKey) {

        public Counter(String key, Limit limit) {
            this(key, limit, null);
        }

        public String scope() {
            return limit.kind();
        }

        /** The Redis list of the votes this key admitted and the log acked within its window (see settle.lua). */
        public String acceptedKey() {
            return key + ":accepted";
        }
    }

    /** A key that would not admit the vote, and how long until it would admit one. */
    public record Exceeded(String scope, Duration retryAfter) {
    }

    private final Limit voter;
    private final Limit device;
    private final Limit address;
    private final Limit prefix;
    private final ClientHashes hashes;

    public RateLimits(Limit voter, Limit device, Limit address, Limit prefix, ClientHashes hashes) {
        this.voter = voter;
        this.device = device;
        this.address = address;
        this.prefix = prefix;
        this.hashes = hashes;
    }

    /** @param address the client address the gateway forwarded, as text (IPv4 or IPv6), or null */
    public List<Counter> counters(String voterId, String deviceId, String address) {
        return counters(voterId, deviceId, address, address == null ? null : hashes.of(address));
    }

    /** @param addressHash {@code address}'s keyed hash, when the caller made it already */
    public List<Counter> counters(String voterId, String deviceId, String address, String addressHash) {
        List<Counter> counters = new ArrayList<>(4);
        if (voter.on()) {
            counters.add(new Counter("rl:{" + voterId + "}:voter", voter));
        }
        if (address != null) {
            // Address before device: a vote without a device id trips both at once, and "address" tells it better.
            if (this.address.on()) {
                // Its subject is the address's device key: the group its device-less votes are flagged in anyway.
                counters.add(new Counter("rl:address:" + addressHash, this.address, deviceKey(null, addressHash)));
            }
            if (prefix.on()) {
                String prefixHash = hashes.of(prefixOf(address));
                counters.add(new Counter("rl:prefix:" + prefixHash, prefix, prefixHash));
            }
            if (device.on()) {
                String deviceKey = deviceKey(deviceId, addressHash);
                counters.add(new Counter("rl:device:" + deviceKey, device, deviceKey));
            }
        } else if (device.on() && deviceId != null) {
            String deviceKey = deviceKey(deviceId, null);
            counters.add(new Counter("rl:device:" + deviceKey, device, deviceKey));
        }
        return counters;
    }

    /** A device's key: its id's keyed hash, or without one its address's device key (null: neither is known). */
    String deviceKey(String deviceId, String addressHash) {
        if (deviceId != null) {
            return hashes.of(deviceId);
        }
        return addressHash == null ? null : "address:" + addressHash;
    }

    /**
     * The network an address belongs to for the prefix limit: its /24 (IPv4) or /56 (IPv6, a typical customer's
     * allocation, so one household cannot dodge the limit by cycling its own addresses). Text that is no address
     * literal is its own prefix (never resolved: that would be a DNS look-up per vote).
     */
    static String prefixOf(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return address;
        }
        int keep = bytes.length == 4 ? 3 : 7;
        return (bytes.length == 4 ? "v4:" : "v6:") + HexFormat.of().formatHex(Arrays.copyOf(bytes, keep));
    }
}
