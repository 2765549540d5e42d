package votes.audit.check;

import java.util.List;
import java.util.Map;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.VoidOutcome;
import votes.proofs.checkpoint.LogHead;

/**
 * Everything one replay found, as {@code --json} prints it (and the text report is made of).
 *
 * @param poll the audited poll, or null for all
 * @param endOffsets partition → the end offset the replay read up to (exclusive), taken at start
 * @param voids the VotesVoided of poll-events and what they voided
 * @param eventsPerSecond records of votes.submitted replayed per second of the replay phase
 * @param tallies poll → option → votes that count (recorded minus voided)
 * @param logs each Merkle log (vote logs, then void logs) as the replay computed it
 * @param notes what an operator should know to read the result (a lagging ledger, undecodable records …)
 */
public record ReplayReport(String poll, Map<Integer, Long> endOffsets, ReplayOutcome.Counts counts,
                           VoidOutcome.Counts voids, long durationMs,
                           long replayMs, long eventsPerSecond, List<Check> checks, Map<String, Map<String, Long>> tallies,
                           List<LogHead> logs, List<String> notes, int exitCode) {
}
