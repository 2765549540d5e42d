package votes.perf.freshness;

/**
 * Where a probe vote is seen on its way to the dashboard, in path order, each with the clock that says when.
 * All clocks are this machine's wall clock (PostgreSQL, the broker and the client share it), so differences between
 * marks are the hops of {@link HopBook}.
 */
public enum Hop {
    /** The client got the 202 (client clock). */
    ACCEPTED("202"),
    /** The ledger's transaction holding the probe's tally_deltas row committed: the WAL commit time Debezium copies
     *  into the record's {@code __source_ts_ms} header. */
    COMMITTED("ledger commit"),
    /** The relay handed the delta to its producer: the {@code ledger.tally-deltas} record's CreateTime. */
    RELAYED("relay send"),
    /** The delta became readable: it reached this tool's own {@code ledger.tally-deltas} reader. */
    DELTA_READ("tally-deltas read"),
    /** A tally including the probe became readable under read_committed, i.e. after the Streams transaction holding
     *  it committed: it reached this tool's {@code vote-tallies} reader. (The record's CreateTime is the delta's,
     *  inherited by Streams, so it says nothing about the commit.) */
    TALLY_READ("vote-tallies read"),
    /** The first SSE frame including the probe reached the client. */
    FRAMED("SSE frame");

    private final String label;

    Hop(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
