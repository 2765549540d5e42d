package votes.ledger.poll;

import java.time.Instant;
import java.util.List;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

/** A poll as the HTTP API shows it; {@code status} is computed at the moment of the answer. */
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
}
