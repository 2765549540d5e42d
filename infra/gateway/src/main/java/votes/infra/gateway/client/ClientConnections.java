package votes.infra.gateway.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Open client connections, in total and per client address, against their caps. Safe from every event loop: a
 * connection is admitted on its own loop and released when it closes. A refused connection is not counted.
 */
public final class ClientConnections {

    private final ClientLimits limits;
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Map<Admission, LongAdder> refused = new EnumMap<>(Admission.class);

    public ClientConnections(ClientLimits limits) {
        this.limits = limits;
        refused.put(Admission.CLIENT_OVER_CAP, new LongAdder());
        refused.put(Admission.GATEWAY_FULL, new LongAdder());
    }

    /** A new connection from {@code address}: admitted (and counted, {@link #release} it when it closes) or refused. */
    public Admission admit(String address) {
        if (total.incrementAndGet() > limits.maxConnections()) {
            total.decrementAndGet();
            return refuse(Admission.GATEWAY_FULL);
        }
        boolean[] admitted = new boolean[1];
        perClient.compute(address, (a, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            admitted[0] = c.get() < limits.maxPerClient();
            if (admitted[0]) {
                c.incrementAndGet();
            }
            return c.get() == 0 ? null : c;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return refuse(Admission.CLIENT_OVER_CAP);
        }
        return Admission.ADMITTED;
    }

    public void release(String address) {
        perClient.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        total.decrementAndGet();
    }

    public int open() {
        return total.get();
    }

    /** Open connections of one address (0 when none). */
    public int openFrom(String address) {
        AtomicInteger count = perClient.get(address);
        return count == null ? 0 : count.get();
    }

    public long refused(Admission reason) {
        LongAdder count = refused.get(reason);
        return count == null ? 0 : count.sum();
    }

    private Admission refuse(Admission reason) {
        refused.get(reason).increment();
        return reason;
    }
}
