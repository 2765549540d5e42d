package votes.ingest.vote;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One vote request's place in its event loop's count of votes not yet handed to the log ({@link ConcurrencyGate}):
 * left once, when the vote goes on to the log or when its response ends, whichever comes first. A vote waiting for
 * the broker's ack no longer counts, so a broker failover's slow acks do not fill this count.
 */
public final class BeforeTheLog {

    /** For a vote that did not come through the gate: the warm-up's (votes.ingest.warmup), or a test's. */
    public static final BeforeTheLog UNCOUNTED = new BeforeTheLog(new AtomicInteger());

    private final AtomicInteger count;
    // The hand-over and the end handler may run on different threads: after a Redis wait that timed out, the vote goes
    // on on Mutiny's timer thread, while the end handler runs on the event loop.
    private final AtomicBoolean left = new AtomicBoolean();

    BeforeTheLog(AtomicInteger count) {
        this.count = count;
    }

    /** The vote goes on to the log now (or its request ended): it stops counting. Idempotent. */
    public void leave() {
        if (left.compareAndSet(false, true)) {
            count.decrementAndGet();
        }
    }
}
