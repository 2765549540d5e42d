package votes.audit.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import votes.events.poll.Poll;

/**
 * What the log says the ledger must be: every event's verdict (of the audited polls), the tallies, the polls and
 * each partition's Merkle log, for the log up to {@code endOffsets} (exclusive).
 *
 * @param expected verdict per event id, only for the polls under audit
 * @param tallies poll id → option id → recorded votes, only for the polls under audit
 * @param polls every poll folded from poll-events
 * @param logs log id → its Merkle log: a vote log per votes.submitted partition, a void log per poll-events
 *             partition with a VotesVoided (all polls: the roots cover the whole partition)
 * @param poisonShown "partition@offset (reason): why" of the first few poison records
 * @param letters every poison record: what votes.dead-letter must hold
 * @param keys the audited votes' record keys against (poll, voter)
 * @param voids the voids of poll-events as applied ({@link VoidOutcome#none()} until {@link #withVoids})
 */
public record ReplayOutcome(Map<UUID, Expected> expected, Map<String, Map<String, Long>> tallies, Map<String, Poll> polls,
                            Map<Integer, RootHistory> logs, Map<Integer, Long> endOffsets, Counts counts,
                            List<String> poisonShown, List<ExpectedLetter> letters, Keys keys, VoidOutcome voids) {

    /** This outcome with the voids applied: their logs join the vote logs (log ids never collide: VoidLeaf). */
    public ReplayOutcome withVoids(VoidOutcome applied) {
        Map<Integer, RootHistory> all = new HashMap<>(logs);
        all.putAll(applied.logs());
        return new ReplayOutcome(expected, tallies, polls, Map.copyOf(all), endOffsets, counts, poisonShown, letters,
                keys, applied);
    }

    /** poll → option → votes that count: recorded minus voided (what tally_deltas and vote-tallies must show). */
    public Map<String, Map<String, Long>> counted() {
        Map<String, Map<String, Long>> counted = new HashMap<>();
        tallies.forEach((poll, options) -> counted.put(poll, new HashMap<>(options)));
        voids.voided().forEach((poll, options) -> options.forEach((option, voided) ->
                counted.computeIfAbsent(poll, k -> new HashMap<>()).merge(option, -voided, Long::sum)));
        return counted;
    }

    /**
     * Over the whole log, whatever the poll filter.
     *
     * @param poison records that are no vote the rule judges (dead-lettered; malformed when they carry an event id)
     */
    public record Counts(long events, long recorded, long rejected, long redeliveries, long poison,
                         long pollEvents) {
    }

    /** How many records' keys were compared with {@code PartitionKeys.vote(poll, voter)}, how many differ, the first. */
    public record Keys(long checked, long wrong, String first) {
    }
}
