package votes.ingest.bot;

import java.util.List;

/**
 * A bot score in [0, 1] and why: {@code contributions} are the features that raised it (weight × value > 0),
 * strongest first, at most the configured number of reasons.
 */
public record Score(double value, List<Contribution> contributions) {

    /** One feature's share of the score's logit. */
    public record Contribution(Feature feature, double logit) {
    }

    public Score {
        contributions = List.copyOf(contributions);
    }

    /** The reasons' slugs, strongest first. */
    public List<String> reasons() {
        return contributions.stream().map(c -> c.feature().slug()).toList();
    }

    /** The strongest reason, or null for a score nothing raised. */
    public Feature strongest() {
        return contributions.isEmpty() ? null : contributions.get(0).feature();
    }
}
