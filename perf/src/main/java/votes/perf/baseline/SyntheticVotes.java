package votes.perf.baseline;

import java.time.Instant;
import java.util.UUID;
import votes.events.codec.EventCodec;
import votes.events.id.EventIds;
import votes.events.key.PartitionKeys;
import votes.events.vote.ClientFacts;
import votes.events.vote.ClientHashes;
import votes.events.vote.VoteSubmitted;

/**
 * VoteSubmitted events shaped like ingest's: a 43-char pseudonymous voter id, a v7 event id, client facts with
 * hashes. Voter i of a prefix always gets the same voter id, so a rerun is a duplicate, not a new vote.
 */
public final class SyntheticVotes {

    /** Synthetic load has no real client: a fixed keyed value stands in for an address hash of the right shape. */
    private static final ClientFacts CLIENT =
            new ClientFacts(null, new ClientHashes("perf-synthetic-votes").of("127.0.0.1"), null);

    private SyntheticVotes() {
    }

    public static String voterId(String prefix, long i) {
        String base = prefix + i + "-";
        StringBuilder id = new StringBuilder(43).append(base);
        while (id.length() < 43) {
            id.append('x');
        }
        return id.substring(0, 43);
    }

    public static VoteSubmitted vote(String pollId, String voterPrefix, long i, String optionId) {
        UUID eventId = EventIds.next();
        return VoteSubmitted.of(eventId, pollId, voterId(voterPrefix, i), optionId, Instant.now(), null, CLIENT);
    }

    public static String key(VoteSubmitted v) {
        return PartitionKeys.vote(v.pollId(), v.voterId());
    }

    public static byte[] encode(VoteSubmitted v) {
        return EventCodec.encode(v);
    }
}
