package votes.events.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An admin closed a poll: votes submitted at or after {@code closedAt} no longer count. */
public record PollClosed(int schemaVersion, UUID eventId, String pollId, Instant closedAt) implements PollEvent {

    public PollClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    public static PollClosed of(UUID eventId, String pollId, Instant closedAt) {
        return new PollClosed(SCHEMA_VERSION, eventId, pollId, closedAt);
    }
}
