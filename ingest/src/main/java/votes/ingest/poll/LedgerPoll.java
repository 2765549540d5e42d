package votes.ingest.poll;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

/** The ledger's {@code GET /api/v1/polls/{id}} body (API.md's Poll). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LedgerPoll(String pollId, String title, List<PollOption> options, Instant opensAt, Instant closesAt,
                         String status) {

    /**
     * The same poll as folded state. The API shows no creation or close instant: a poll the ledger calls
     * closed is taken as closed since {@code now}; no opensAt means open from the start.
     */
    public Poll toPoll(Instant now) {
        Instant closedAt = "closed".equals(status) ? now : null;
        return new Poll(pollId, title, options == null ? List.of() : options, opensAt, closesAt, closedAt, null);
    }
}
