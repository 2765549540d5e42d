package votes.perf.swarm;

import java.util.List;

/**
 * One population's counts in the measured phase. {@code flagged} counts 202s that ingest flagged (the voter is not
 * told); {@link #stoppedShare()} is what the bot target is about: refused (429), left with an unsolved challenge,
 * or flagged, over everything attempted.
 */
public record StrategyTally(Strategy strategy, int attempted, int accepted, int refused, int unsolved, int other,
                            int failed, int flagged) {

    /** The bot target: at least this share of every (non-exempt) bot strategy's votes refused or flagged. */
    public static final double BOT_STOPPED_TARGET = 0.95;

    public static StrategyTally of(Strategy strategy, List<VoteResult> results) {
        int attempted = 0;
        int[] byOutcome = new int[Outcome.values().length];
        int flagged = 0;
        for (VoteResult r : results) {
            if (r.strategy() != strategy) {
                continue;
            }
            attempted++;
            byOutcome[r.outcome().ordinal()]++;
            if (r.outcome() == Outcome.ACCEPTED && r.flagged()) {
                flagged++;
            }
        }
        return new StrategyTally(strategy, attempted, byOutcome[Outcome.ACCEPTED.ordinal()],
                byOutcome[Outcome.REFUSED.ordinal()], byOutcome[Outcome.UNSOLVED.ordinal()],
                byOutcome[Outcome.OTHER.ordinal()], byOutcome[Outcome.FAILED.ordinal()], flagged);
    }

    public double acceptedShare() {
        return share(accepted);
    }

    public double flaggedShare() {
        return share(flagged);
    }

    /** Refused, unsolved or flagged, over attempted (NaN when nothing was attempted). */
    public double stoppedShare() {
        return share(refused + unsolved + flagged);
    }

    /** Whether the bot target holds; empty for people and for the exempt (slowest) strategy. */
    public java.util.Optional<Boolean> botTargetMet() {
        if (!strategy.bot() || strategy.exempt() || attempted == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(stoppedShare() >= BOT_STOPPED_TARGET);
    }

    private double share(int n) {
        return attempted == 0 ? Double.NaN : (double) n / attempted;
    }
}
