package votes.ledger.vote;

/**
 * Where one {@code votes.submitted} batch's time goes, as {@code ledger_batch_phase_seconds{phase}} measures it
 * (perf's ledger catch-up prints the per-batch mean of each). The phases follow each other, so their sum is the
 * batch's wall time on the consumer: what the breakdown asks for and what a cut must shrink.
 */
public enum BatchPhase {
    /** From the previous batch's acknowledgement to this batch's arrival: Kafka's fetch and decoding not overlapped. */
    WAIT("wait"),
    /** Taking a connection and the read round trip: log locks, polls, prefetch of recorded (poll, voter) pairs. */
    READ("read"),
    /** Judging every record ({@code LedgerBook}) and hashing the leaves into the logs' tiles, in the JVM. */
    PLAN("plan"),
    /** The write round trip: votes, tiles and heads, tally deltas, rejections. */
    WRITE("write"),
    /** COMMIT: the WAL flush (fsync) and the round trip. */
    COMMIT("commit"),
    /** Dead letters (when any) and the offset acknowledgement. */
    ACK("ack");

    private final String tag;

    BatchPhase(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
