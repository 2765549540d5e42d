package votes.ledger.poll;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/polls} as the admin sent it: nothing is trusted until
 * {@link PollRequestValidator} has looked at it.
 */
public record PollRequest(String title, List<OptionRequest> options, Instant opensAt, Instant closesAt) {

    /** One option as sent; ids are what voters send back, labels what people read. */
    public record OptionRequest(String id, String label) {
    }
}
