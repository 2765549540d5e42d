package votes.ingest.poll;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import votes.events.poll.Poll;
import votes.events.poll.PollCreated;
import votes.events.poll.PollEvent;

/**
 * Every poll this instance has seen, folded from {@code poll-events}. Reads are lock-free map lookups on the
 * vote path; writes come from the one consumer thread (and, rarely, from a ledger answer on a cache miss).
 */
@ApplicationScoped
public class PollCache {

    private final Map<String, Poll> polls = new ConcurrentHashMap<>();

    public Poll get(String pollId) {
        return polls.get(pollId);
    }

    /** Folds the log's next event for a poll. The log is the authority: it overrides what the ledger told us. */
    public void apply(PollEvent event) {
        polls.compute(event.pollId(), (id, current) -> {
            if (event instanceof PollCreated created) {
                Poll fresh = Poll.created(created);
                // Only a ledger answer can precede the creation event; keep a close it already knew of.
                return current == null || current.closedAt() == null ? fresh
                        : new Poll(id, fresh.title(), fresh.options(), fresh.opensAt(), fresh.closesAt(),
                                current.closedAt(), fresh.createdAt());
            }
            return Poll.fold(current, event);
        });
    }

    /** A poll the ledger described before our consumer caught up; never overrides what the log said. */
    public Poll learn(Poll poll) {
        Poll known = polls.putIfAbsent(poll.pollId(), poll);
        return known == null ? poll : known;
    }

    public int size() {
        return polls.size();
    }
}
