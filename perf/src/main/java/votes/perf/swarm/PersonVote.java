package votes.perf.swarm;

import java.util.List;

/**
 * A person's vote as the people's figures see it: how it ended, the hardest challenge it met, whether it was flagged,
 * its latency and what its challenges cost. Read from a phase's results or back from another phase's CSV, so the
 * measured phase can put the baseline's and the defended phase's people beside its own.
 *
 * @param dueMillis           when the vote was due, from the phase's start
 * @param latencyMillis       from the planned send time to the final answer
 * @param challengeCostMillis the time after the first answer: the proofs' (modelled) time and the round trips after
 *                            the first, 0 for an unchallenged vote
 */
public record PersonVote(Outcome outcome, int maxDifficulty, boolean flagged, long dueMillis, double latencyMillis,
                         double challengeCostMillis) {

    public static PersonVote of(VoteResult r) {
        return new PersonVote(r.outcome(), r.maxDifficulty(), r.flagged(), r.vote().dueMillis(), r.latencyMillis(),
                r.challengeCostMillis());
    }

    /** The people's votes among a phase's results (bots left out). */
    public static List<PersonVote> people(List<VoteResult> results) {
        return results.stream().filter(r -> r.strategy() == Strategy.HUMAN).map(PersonVote::of).toList();
    }

    /** Got an answer: a vote that failed (no answer) has no latency to speak of. */
    public boolean answered() {
        return outcome != Outcome.FAILED;
    }
}
