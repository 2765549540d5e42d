package votes.events.cdc;

/**
 * A row of the ledger as the CDC relay publishes it, already parsed. Both kinds are keyed by their poll id on
 * co-partitioned topics, so a poll's deltas and its poll rows are read by one projections task.
 */
public sealed interface LedgerRow permits DeltaRow, PollRow {

    String pollId();
}
