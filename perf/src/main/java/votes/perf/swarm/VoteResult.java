package votes.perf.swarm;

import java.util.List;

/**
 * What happened to one planned vote, with the features the bot model can be fitted on (one CSV row).
 *
 * @param tokenAgeMillis  now - iat when the vote was first sent
 * @param solveMillis     Java time spent on proofs (all rounds)
 * @param addedSolveMillis what the proofs added to the vote's latency: a browser's modelled time for people
 *                        (solveMillis x the browser slowdown), the Java time for bots
 * @param latencyMillis   from the planned send time to the final answer: round trips plus addedSolveMillis
 * @param firstAnswerMillis from the planned send time to the first answer (what a vote costs without a challenge)
 * @param rateLimitKey    the 429's key (voter, device, address, prefix), or empty
 * @param receiptId       the 202's receipt id (the VoteFlagged.voteId of a flag), or empty
 */
public record VoteResult(String phase, PlannedVote vote, long tokenAgeMillis, int requests, int challenges,
                         int maxDifficulty, double solveMillis, double addedSolveMillis, double latencyMillis,
                         double firstAnswerMillis, int status,
                         Outcome outcome, String rateLimitKey, String receiptId, boolean flagged, double flagScore,
                         List<String> flagReasons) {

    public VoteResult {
        flagReasons = List.copyOf(flagReasons);
    }

    public VoteResult flaggedAs(double score, List<String> reasons) {
        return new VoteResult(phase, vote, tokenAgeMillis, requests, challenges, maxDifficulty, solveMillis,
                addedSolveMillis, latencyMillis, firstAnswerMillis, status, outcome, rateLimitKey, receiptId, true, score,
                reasons);
    }

    public Strategy strategy() {
        return vote.strategy();
    }

    /** What the challenges added to this vote: the proofs' (modelled) time and the round trips after the first. */
    public double challengeCostMillis() {
        return latencyMillis - firstAnswerMillis;
    }

    /** Stopped by the defence: refused, left with a challenge it would not pay, or accepted but flagged. */
    public boolean stopped() {
        return outcome == Outcome.REFUSED || outcome == Outcome.UNSOLVED || outcome == Outcome.ACCEPTED && flagged;
    }
}
