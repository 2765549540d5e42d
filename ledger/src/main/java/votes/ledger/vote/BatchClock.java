package votes.ledger.vote;

/**
 * Times one batch's phases one after the other: each {@link #lap} records the time since the previous lap (or the
 * start) under its phase. Not shared between batches.
 */
final class BatchClock {

    private final LedgerMetrics metrics;
    private long last;

    BatchClock(LedgerMetrics metrics, long startNanos) {
        this.metrics = metrics;
        this.last = startNanos;
    }

    void lap(BatchPhase phase) {
        long now = System.nanoTime();
        metrics.phase(phase, now - last);
        last = now;
    }
}
