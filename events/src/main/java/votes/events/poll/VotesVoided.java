package votes.events.poll;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin confirmed a fraud flag: these votes of the poll no longer count. A fact on {@code poll-events} (keyed by
 * poll, so it is ordered with the poll's close): the ledger marks the votes voided (never deletes them), subtracts
 * them from the tally and logs the void as its own Merkle leaf; a replay of the log does the same. Names the votes
 * explicitly, so replaying needs nothing but the log: a large group is voided in several events of at most
 * {@link #MAX_VOTES} ids each, all with the same {@code flagId}. Ids that name no recorded vote of the poll, a vote
 * voided before, or a void after the poll's close change nothing.
 */
public record VotesVoided(int schemaVersion, UUID eventId, String pollId, String flagId, String reason,
                          List<UUID> voteIds, Instant voidedAt) implements PollEvent {

    /** ~37 bytes of JSON per id: 5,000 keep an event near 190 KB, well under the broker's 1 MB message limit. */
    public static final int MAX_VOTES = 5_000;

    public VotesVoided {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(flagId, "flagId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(voidedAt, "voidedAt");
        voteIds = List.copyOf(Objects.requireNonNull(voteIds, "voteIds"));
        if (voteIds.size() > MAX_VOTES) {
            throw new IllegalArgumentException("a VotesVoided names at most " + MAX_VOTES + " votes, not "
                    + voteIds.size());
        }
    }

    public static VotesVoided of(UUID eventId, String pollId, String flagId, String reason, List<UUID> voteIds,
                                 Instant voidedAt) {
        return new VotesVoided(SCHEMA_VERSION, eventId, pollId, flagId, reason, voteIds, voidedAt);
    }
}
