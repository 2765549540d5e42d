package votes.events.poll;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An admin created a poll. {@code opensAt} null means open from creation; {@code closesAt} null means until closed. */
public record PollCreated(
        int schemaVersion,
        UUID eventId,
        String pollId,
        String title,
        List<PollOption> options,
        Instant opensAt,
        Instant closesAt,
        Instant createdAt) implements PollEvent {

    public PollCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        options = List.copyOf(Objects.requireNonNull(options, "options"));
    }

    public static PollCreated of(UUID eventId, String pollId, String title, List<PollOption> options,
                                 Instant opensAt, Instant closesAt, Instant createdAt) {
        return new PollCreated(SCHEMA_VERSION, eventId, pollId, title, options, opensAt, closesAt, createdAt);
    }
}
