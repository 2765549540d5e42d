package votes.ledger.voiding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import votes.events.vote.VoteSubmitted;
import votes.proofs.merkle.VoidLeaf;

/**
 * The first counted void, in poll-events (partition, offset) order, that names each (poll, vote): the one the live
 * ledger applied (later ones find the vote voided already) and the one the audit's replay applies. A rebuild applies
 * every void before the votes it names are recorded, so it keeps them here and voids each vote as it records it
 * ({@link RebuildVoids}). Pure and thread safe: the poll projector adds, vote batches read.
 */
final class FirstVoids {

    private record PollVote(String pollId, UUID voteId) {
    }

    private final Map<PollVote, NamedVote> first = new ConcurrentHashMap<>();

    /** A counted void; a redelivery (same place) changes nothing. */
    void add(VoidLeaf voided) {
        for (NamedVote named : NamedVote.all(voided)) {
            first.merge(new PollVote(named.pollId(), named.voteId()), named,
                    (kept, added) -> added.before(kept) ? added : kept);
        }
    }

    boolean isEmpty() {
        return first.isEmpty();
    }

    /** The votes among {@code recorded} that a counted void names, each with the first such void. */
    List<NamedVote> naming(List<VoteSubmitted> recorded) {
        List<NamedVote> named = new ArrayList<>();
        for (VoteSubmitted vote : recorded) {
            NamedVote found = first.get(new PollVote(vote.pollId(), vote.eventId()));
            if (found != null) {
                named.add(found);
            }
        }
        return named;
    }
}
