package votes.ingest.bot;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import votes.ingest.abuse.ProofOfWork;

/** Signals → the model's features, each in [0, 1] with 0 for what a person looks like. Pure. */
final class FeatureExtraction {

    private final Norms norms;
    private final UserAgents userAgents;

    FeatureExtraction(Norms norms) {
        this.norms = norms;
        this.userAgents = new UserAgents(norms.automationMarkers());
    }

    /** @param solved the vote's valid proof of work, or null */
    Map<Feature, Double> features(VoteSignals vote, ProofOfWork.Solved solved) {
        Map<Feature, Double> x = new EnumMap<>(Feature.class);
        // Counts include this vote: the first vote of an address is 0. A solved proof answers a challenge this same
        // vote got, whose attempt was counted too: counted once, the retry is judged as the vote was when challenged
        // (else every retry would look busier than the attempt and need a harder proof than it was given).
        long retry = solved == null ? 0 : 1;
        x.put(Feature.ADDRESS_VELOCITY, velocity(vote.addressCount() - retry, norms.addressLimit()));
        x.put(Feature.PREFIX_VELOCITY, velocity(vote.prefixCount() - retry, norms.prefixLimit()));
        x.put(Feature.DEVICE_VELOCITY, velocity(vote.deviceCount() - retry, norms.deviceLimit()));
        x.put(Feature.USER_AGENT_VELOCITY, velocity(vote.history().userAgentCount() - retry, norms.userAgentScale()));
        x.put(Feature.BULK_MINTED_TOKEN, velocity(vote.history().mintCount() - retry, norms.bulkMintScale()));
        x.put(Feature.REGULAR_ARRIVALS, regularity(vote));
        x.put(Feature.PREFIX_OPTION_SKEW, optionSkew(vote.history().options()));
        x.put(Feature.HEADLESS_USER_AGENT, userAgents.automated(vote.userAgent()) ? 1.0 : 0.0);
        x.put(Feature.MISSING_CLIENT_HINTS, missingHints(vote));
        x.put(Feature.FRESH_TOKEN, freshness(vote));
        x.put(Feature.MACHINE_SPEED_PROOF, machineSpeed(solved));
        return x;
    }

    private static double velocity(long count, long scale) {
        return scale <= 0 || count <= 1 ? 0 : Math.min(1, (double) (count - 1) / scale);
    }

    private double regularity(VoteSignals vote) {
        double cv = ArrivalRegularity.coefficientOfVariation(vote.history().arrivals(), norms.minArrivals());
        return Double.isNaN(cv) ? 0 : Math.max(0, 1 - cv / norms.humanArrivalCv());
    }

    /**
     * How much more the prefix's accepted votes went to this option than the poll's did, scaled so that 1 = the
     * prefix voted this option only while the poll is split: (prefix share - poll share) / (1 - poll share). Silent
     * until the prefix has skew-min-votes (three neighbours agreeing is no farm) and for an option the whole poll
     * backs.
     */
    private double optionSkew(History.OptionCounts counts) {
        if (counts.prefix() < norms.skewMinVotes() || counts.poll() == 0) {
            return 0;
        }
        double prefixShare = (double) counts.prefixForOption() / counts.prefix();
        double pollShare = (double) counts.pollForOption() / counts.poll();
        return pollShare >= 1 ? 0 : Math.max(0, Math.min(1, (prefixShare - pollShare) / (1 - pollShare)));
    }

    /** Half for each: a Chromium user agent without Sec-CH-UA, and no Accept-Language (every browser sends one). */
    private static double missingHints(VoteSignals vote) {
        double missing = 0;
        if (UserAgents.chromium(vote.userAgent()) && blank(vote.clientHints())) {
            missing += 0.5;
        }
        if (blank(vote.acceptLanguage())) {
            missing += 0.5;
        }
        return missing;
    }

    /** 1 for a token used the moment it was minted, falling to 0 at {@code freshToken} of age. */
    private double freshness(VoteSignals vote) {
        if (vote.tokenIssuedAt() == null) {
            return 0;
        }
        double age = Duration.between(vote.tokenIssuedAt(), vote.now()).toMillis();
        return Math.max(0, Math.min(1, 1 - age / norms.freshToken().toMillis()));
    }

    /**
     * 1 for an answer that came back at once, falling to 0 at the time a browser needs on average (2^difficulty
     * hashes at the browser's rate). A person's solve time includes two round trips, so this errs towards people; a
     * lucky person solves in a tenth of the mean one time in ten, which is why one feature alone does not refuse.
     */
    private double machineSpeed(ProofOfWork.Solved solved) {
        if (solved == null) {
            return 0;
        }
        double browserMillis = Math.pow(2, solved.difficulty()) / norms.browserHashesPerSecond() * 1000;
        return Math.max(0, Math.min(1, 1 - solved.solveTime().toMillis() / browserMillis));
    }

    private static boolean blank(String header) {
        return header == null || header.isBlank();
    }
}
