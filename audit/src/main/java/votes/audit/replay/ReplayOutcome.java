package votes.audit.replay;

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
 * @param logs partition → its Merkle log (all polls: the roots cover the whole partition)
 * @param poisonShown "partition@offset (reason): why" of the first few poison records
 * @param letters every poison record: what votes.dead-letter must hold
 * @param keys the audited votes' record keys against (poll, voter)
 */
public record ReplayOutcome(Map<UUID, Expected> expected, Map<String, Map<String, Long>> tallies, Map<String, Poll> polls,
                            Map<Integer, RootHistory> logs, Map<Integer, Long> endOffsets, Counts counts,
                            List<String> poisonShown, List<ExpectedLetter> letters, Keys keys) {

    /** Over the whole log, whatever the poll filter. */
    /** @param poison records that are no vote the rule judges (dead-lettered; malformed when they carry an event id) */
    public record Counts(long events, long recorded, long rejected, long redeliveries, long poison,
                         long pollEvents) {
    }

    /** How many records' keys were compared with {@code PartitionKeys.vote(poll, voter)}, how many differ, the first. */
    public record Keys(long checked, long wrong, String first) {
    }
}
