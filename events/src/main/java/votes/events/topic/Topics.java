package votes.events.topic;

import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of the contract: its name, how many partitions it has relative to {@code votes.submitted},
 * and whether it is part of the record the ledger is rebuilt from. Infra creates them from this list; a service
 * that owns one checks the live topic against {@link TopicDurability} before it calls itself ready.
 */
public final class Topics {

    /** The immutable vote log, keyed by (poll, voter): the ledger, every Merkle proof and the replay come from it. */
    public static final String VOTES_SUBMITTED = "votes.submitted";
    /** PollCreated / PollClosed, keyed by poll: with votes.submitted, all the ledger is rebuilt from. */
    public static final String POLL_EVENTS = "poll-events";
    /** Records of votes.submitted the ledger could not judge or store, with where they came from and why. */
    public static final String VOTES_DEAD_LETTER = "votes.dead-letter";
    /** VoteFlagged: accepted votes ingest's bot score flagged, keyed by (poll, subject); the ledger groups them for review. */
    public static final String VOTES_FLAGS = "votes.flags";
    /**
     * The CDC relay's tally_deltas rows, keyed by poll id (the UTF-8 bytes of the id): co-partitioned with
     * {@link #LEDGER_POLLS} (same key bytes, same partition count, default partitioner), so a poll's deltas and its row
     * meet in one projections task without a repartition.
     */
    public static final String TALLY_DELTAS = "ledger.tally-deltas";
    /** The CDC relay's polls rows, keyed by poll id like {@link #TALLY_DELTAS} and with as many partitions. */
    public static final String LEDGER_POLLS = "ledger.polls";
    /** The projections' latest tally per poll (compacted). */
    public static final String VOTE_TALLIES = "vote-tallies";

    /**
     * One topic of the contract.
     *
     * @param record part of the record of truth: kept for ever, never compacted (see {@link TopicDurability})
     * @param partitions fixed partition count, or 0 for "as many as votes.submitted"
     * @param extraConfigs configs beyond durability (compaction of a projection's topic)
     */
    public record Spec(String name, boolean record, int partitions, Map<String, String> extraConfigs) {

        public int partitions(int votesPartitions) {
            return partitions == 0 ? votesPartitions : partitions;
        }
    }

    public static final List<Spec> ALL = List.of(
            new Spec(VOTES_SUBMITTED, true, 0, Map.of()),
            new Spec(POLL_EVENTS, true, 3, Map.of()),
            // The dead letters are evidence of what the ledger refused: kept as long as the log they came from.
            new Spec(VOTES_DEAD_LETTER, true, 3, Map.of()),
            // Suspicion, not record: a confirmed flag becomes a VotesVoided on poll-events, which is the record.
            new Spec(VOTES_FLAGS, false, 3, Map.of()),
            // Derived from PostgreSQL by the relay; a lost one is re-streamed from a snapshot: default retention.
            // Co-partitioned (both "as many as votes.submitted"): the projections refuse to start if they differ.
            new Spec(TALLY_DELTAS, false, 0, Map.of()),
            new Spec(LEDGER_POLLS, false, 0, Map.of()),
            // Compacted: the latest tally per poll is all a new dashboard instance needs to catch up.
            new Spec(VOTE_TALLIES, false, 0, Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1")));

    private Topics() {
    }

    public static Spec spec(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic " + name + " in the contract"));
    }
}
