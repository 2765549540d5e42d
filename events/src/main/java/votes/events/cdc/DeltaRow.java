package votes.events.cdc;

import java.time.Instant;

/** A row of the ledger's {@code tally_deltas}: {@code voteCount} votes for one option, committed at {@code createdAt}. */
public record DeltaRow(String deltaId, String pollId, String optionId, long voteCount, Instant createdAt)
        implements LedgerRow {
}
