package votes.audit.replay;

import java.util.Map;
import java.util.UUID;

/**
 * The voids of poll-events as the replay applied them.
 *
 * @param expected void event id → the vote_voids row it must have, only for the polls under audit
 * @param logs void log id → its Merkle log, a leaf per VotesVoided event id (all polls: a root hashes every leaf)
 * @param endOffsets poll-events' end offsets the voids were read up to (exclusive): voids past them are not judged
 * @param voided poll id → option id → votes voided, only for the polls under audit
 */
public record VoidOutcome(Map<UUID, ExpectedVoid> expected, Map<Integer, RootHistory> logs,
                          Map<Integer, Long> endOffsets, Map<String, Map<String, Long>> voided, Counts counts) {

    /**
     * Over the whole log, whatever the poll filter.
     *
     * @param events every VotesVoided decoded
     * @param reappended events whose event id an earlier one had: no leaf, no row, nothing voided
     * @param counted voids of the audited polls that count
     * @param votesVoided votes of the audited polls voided
     */
    public record Counts(long events, long reappended, long counted, long votesVoided) {
    }

    public static VoidOutcome none() {
        return new VoidOutcome(Map.of(), Map.of(), Map.of(), Map.of(), new Counts(0, 0, 0, 0));
    }

    /** True when this position of poll-events was written after the replay took its end offsets. */
    public boolean beyond(int partition, long offset) {
        return offset >= endOffsets.getOrDefault(partition, 0L);
    }
}
