package votes.events.poll;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A poll as its events leave it. Pure state: {@link #created} and {@link #evolve} fold {@code poll-events},
 * the window methods answer "does a vote submitted at t count?".
 */
public record Poll(
        String pollId,
        String title,
        List<PollOption> options,
        Instant opensAt,
        Instant closesAt,
        Instant closedAt,
        Instant createdAt) {

    public Poll {
        Objects.requireNonNull(pollId, "pollId");
        options = List.copyOf(options);
    }

    public static Poll created(PollCreated event) {
        return new Poll(event.pollId(), event.title(), event.options(), event.opensAt(), event.closesAt(), null,
                event.createdAt());
    }

    /**
     * Applies the next event of this poll. Closing twice keeps the earliest close, so replaying a redelivered
     * or re-appended {@link PollClosed} never reopens a window.
     */
    public Poll evolve(PollEvent event) {
        if (!event.pollId().equals(pollId)) {
            throw new IllegalArgumentException("event for poll " + event.pollId() + " applied to " + pollId);
        }
        if (event instanceof PollClosed closed) {
            Instant earliest = closedAt == null || closed.closedAt().isBefore(closedAt) ? closed.closedAt() : closedAt;
            return new Poll(pollId, title, options, opensAt, closesAt, earliest, createdAt);
        }
        return this; // a redelivered creation changes nothing
    }

    /** Folds an event into an optional poll: creation starts one, anything else needs one. */
    public static Poll fold(Poll current, PollEvent event) {
        if (current == null) {
            return event instanceof PollCreated created ? created(created) : null;
        }
        return current.evolve(event);
    }

    /** The first instant at which votes stop counting, or null while the poll has no end. */
    public Instant effectiveCloseAt() {
        if (closedAt == null) {
            return closesAt;
        }
        if (closesAt == null) {
            return closedAt;
        }
        return closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    /** The first instant at which votes count. */
    public Instant effectiveOpensAt() {
        return opensAt != null ? opensAt : createdAt;
    }

    /** True when a vote submitted at {@code t} falls inside the window: opens ≤ t < close. */
    public boolean acceptsAt(Instant t) {
        Instant opens = effectiveOpensAt();
        if (opens != null && t.isBefore(opens)) {
            return false;
        }
        Instant close = effectiveCloseAt();
        return close == null || t.isBefore(close);
    }

    public PollStatus status(Instant now) {
        Instant close = effectiveCloseAt();
        if (close != null && !now.isBefore(close)) {
            return PollStatus.CLOSED;
        }
        Instant opens = effectiveOpensAt();
        return opens != null && now.isBefore(opens) ? PollStatus.SCHEDULED : PollStatus.OPEN;
    }

    /** A loop, not a stream: the ledger asks this once per vote. */
    public boolean hasOption(String optionId) {
        for (PollOption option : options) {
            if (option.id().equals(optionId)) {
                return true;
            }
        }
        return false;
    }
}
