package votes.perf.cost;

/**
 * A tier's CPU per vote against the rate it served, as {@code perVote + perSecond / rate}. The per-second part is what
 * the tier spends at a cadence of its own under load (a wake-up, a request, a transaction per linger, commit interval
 * or poll, however many votes share it), so it spreads over more votes as the rate grows; the per-vote part is what
 * every vote costs however many share a wake-up. Fitted by least squares, against 1 / rate, over the fixed-rate phases
 * of {@code perf/run-cost.sh}.
 *
 * @param perVoteMicros   CPU µs every vote costs (the intercept)
 * @param perSecondMicros CPU µs a second that the votes of that second share (the slope against 1 / rate)
 * @param rSquared        how much of the figures' spread the line explains, 0 to 1
 */
public record RateFit(double perVoteMicros, double perSecondMicros, double rSquared) {

    /**
     * @param votesPerSecond the phases' rates, at least two different ones
     * @param microsPerVote  the tier's CPU µs per vote in each phase
     */
    public static RateFit leastSquares(double[] votesPerSecond, double[] microsPerVote) {
        int n = votesPerSecond.length;
        if (n != microsPerVote.length || n < 2) {
            throw new IllegalArgumentException("one figure per rate, two rates at least");
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += 1 / votesPerSecond[i] / n;
            meanY += microsPerVote[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = 1 / votesPerSecond[i] - meanX;
            double dy = microsPerVote[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("every figure is of the same rate: nothing to fit");
        }
        double slope = sxy / sxx;
        double rSquared = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new RateFit(meanY - slope * meanX, slope, rSquared);
    }

    /**
     * This fit with a per-vote part of at least {@code micros}: what a tier is known to spend on every vote (measured
     * with nothing left to share, e.g. a catch-up) when the phases' scatter hides it.
     */
    public RateFit withPerVoteAtLeast(double micros) {
        return new RateFit(Math.max(perVoteMicros, micros), perSecondMicros, rSquared);
    }

    /** CPU µs per vote at this rate. */
    public double microsAt(double votesPerSecond) {
        return perVoteMicros + perSecondMicros / votesPerSecond;
    }
}
