package votes.events.cdc;

import java.time.Instant;
import java.util.List;
import votes.events.poll.PollOption;

/** A row of the ledger's {@code polls} table; options in the poll's order. Timestamps may be null. */
public record PollRow(String pollId, String title, List<PollOption> options, Instant opensAt, Instant closesAt,
                      Instant closedAt, Instant createdAt) implements LedgerRow {

    public PollRow {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Closed by the admin, or past its scheduled close at {@code rowTime} (when the row changed). */
    public boolean closedAt(Instant rowTime) {
        return closedAt != null || (closesAt != null && !closesAt.isAfter(rowTime));
    }
}
