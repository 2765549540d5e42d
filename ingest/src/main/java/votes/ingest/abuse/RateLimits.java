package votes.ingest.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import votes.events.vote.ClientHashes;

/**
 * Fixed-window counters per voter, device and address. The window index is part of the key, so a counter
 * needs one INCR and one EXPIRE when it is born and nothing to reset. A limit of 0 switches a scope off.
 * The voter counter is hash-tagged by voter like every voter-scoped key; device and address counters
 * live in their own slots (on a Redis Cluster the fast path would split into two scripts).
 */
public final class RateLimits {

    /** One counter to bump: which scope, which Redis key, and how many hits the window allows. */
    public record Counter(String scope, String key, long limit) {
    }

    /** A counter over its limit, and when its window ends. */
    public record Exceeded(String scope, Duration retryAfter) {
    }

    private final Duration window;
    private final long voterLimit;
    private final long deviceLimit;
    private final long addressLimit;
    private final ClientHashes hashes;

    public RateLimits(Duration window, long voterLimit, long deviceLimit, long addressLimit, ClientHashes hashes) {
        this.window = window;
        this.voterLimit = voterLimit;
        this.deviceLimit = deviceLimit;
        this.addressLimit = addressLimit;
        this.hashes = hashes;
    }

    public Duration window() {
        return window;
    }

    public List<Counter> counters(String voterId, String deviceId, String addressHash, Instant now) {
        long w = now.toEpochMilli() / window.toMillis();
        List<Counter> counters = new ArrayList<>(3);
        if (voterLimit > 0) {
            counters.add(new Counter("voter", "rl:{" + voterId + "}:voter:" + w, voterLimit));
        }
        if (deviceLimit > 0 && deviceId != null) {
            // Hashed: the header is client-chosen text and must not shape our key space.
            counters.add(new Counter("device", "rl:device:" + hashes.of(deviceId) + ":" + w, deviceLimit));
        }
        if (addressLimit > 0 && addressHash != null) {
            counters.add(new Counter("address", "rl:address:" + addressHash + ":" + w, addressLimit));
        }
        return counters;
    }

    /** The first counter whose count passed its limit, if any. {@code counts} are in the order of {@code counters}. */
    public Optional<Exceeded> judge(List<Counter> counters, List<Long> counts, Instant now) {
        for (int i = 0; i < counters.size() && i < counts.size(); i++) {
            if (counts.get(i) > counters.get(i).limit()) {
                return Optional.of(new Exceeded(counters.get(i).scope(), untilWindowEnds(now)));
            }
        }
        return Optional.empty();
    }

    Duration untilWindowEnds(Instant now) {
        long millis = window.toMillis();
        return Duration.ofMillis(millis - now.toEpochMilli() % millis);
    }
}
