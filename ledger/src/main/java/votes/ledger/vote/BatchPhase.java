package votes.ledger.vote;

/**
 * Where one {@code votes.submitted} batch's time goes, as {@code ledger_batch_phase_seconds{phase}} measures it
 * (perf's ledger catch-up prints the per-batch mean of each). The phases from {@link #WAIT} on follow each other,
 * so their sum is the batch's wall time on the consumer: what the breakdown asks for and what a cut must
 * shrink. {@link #PREPARE} is not part of that sum: it runs while the previous batch is written (BatchPipeline).
 */
public enum BatchPhase {
    /** Making the batch's records and hashing their leaves on arrival, overlapped with the previous batch's write. */
    PREPARE("prepare"),
    /**
     * From the previous batch's acknowledgement to the start of this batch's transaction: the writer idle, waiting for
     * Kafka's fetch and decoding or for this batch's preparation.
     */
    WAIT("wait"),
    /** Taking a connection and the read round trip: BEGIN, log locks, polls, prefetch of recorded votes. */
    READ("read"),
    /** Judging every record ({@code LedgerBook}) and hashing the leaves into the logs' tiles, in the JVM. */
    PLAN("plan"),
    /**
     * The write round trip: votes, tiles and heads, tally deltas, rejections; and the COMMIT with its WAL flush when it
     * rides with the rows (a batch whose votes are all new, see BatchInserts).
     */
    WRITE("write"),
    /** COMMIT: the WAL flush (fsync) and the round trip; next to nothing when the COMMIT rode with the write. */
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
