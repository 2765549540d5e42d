package votes.events.poll;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A poll as the ledger's HTTP API shows it ({@code /api/v1/polls}): the ledger writes it, ingest reads it when a
 * vote names a poll its cache has not seen. {@code status} is computed at the moment of the answer. Both sides
 * let Quarkus's mapper do the JSON, whose settings match {@link votes.events.codec.EventCodec}'s (ISO-8601
 * instants, nulls written, unknown fields ignored); the frozen sample pins it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PollView(
        String pollId,
        String title,
        List<PollOption> options,
        Instant opensAt,
        Instant closesAt,
        Instant closedAt,
        Instant createdAt,
        String status) {

    public static PollView of(Poll poll, Instant now) {
        return new PollView(poll.pollId(), poll.title(), poll.options(), poll.opensAt(), poll.closesAt(),
                poll.closedAt(), poll.createdAt(), poll.status(now).slug());
    }

    /**
     * The same poll as folded state, for judging votes by the ledger's verdict rather than by instants its clock
     * stamped: a poll it calls closed is taken as closed since {@code now}; no opensAt means open from the start
     * (the creation instant is left out).
     */
    public Poll toPoll(Instant now) {
        Instant closed = "closed".equals(status) ? now : null;
        return new Poll(pollId, title, options == null ? List.of() : options, opensAt, closesAt, closed, null);
    }
}
