package votes.events.poll;

import java.time.Instant;
import java.util.List;

/**
 * The body of the ledger's {@code POST /api/v1/polls} as an admin sends it (the {@code ./vote} CLI's demo poll and
 * perf's polls are written with it): nothing in it is trusted until the ledger's validator has looked at it.
 * Absent times read as null: open from creation, open until closed.
 */
public record PollRequest(String title, List<OptionRequest> options, Instant opensAt, Instant closesAt) {

    /** One option as sent; ids are what voters send back, labels what people read. */
    public record OptionRequest(String id, String label) {
    }
}
