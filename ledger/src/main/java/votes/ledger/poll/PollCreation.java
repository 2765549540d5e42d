package votes.ledger.poll;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import votes.events.id.EventIds;
import votes.events.poll.PollCreated;
import votes.events.poll.PollOption;
import votes.events.poll.PollRequest;

/** Turns a valid request into the {@link PollCreated} fact. */
public final class PollCreation {

    private PollCreation() {
    }

    /**
     * Instants are cut to microseconds, PostgreSQL's precision, so the log and the {@code polls} table hold the
     * very same window and a replay of the log judges every vote exactly as the ledger did.
     */
    public static PollCreated from(PollRequest request, Instant now) {
        String pollId = EventIds.next().toString();
        List<PollOption> options = request.options().stream()
                .map(option -> new PollOption(option.id(), option.label()))
                .toList();
        return PollCreated.of(EventIds.next(), pollId, request.title(), options,
                micros(request.opensAt()), micros(request.closesAt()), micros(now));
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
