package votes.ingest.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression over the normalised features: {@code score = sigmoid(bias + Σ wᵢ·xᵢ)}. Small and explainable
 * on purpose: each weight is the log-odds one fully present feature adds, so a reason is simply a feature with a
 * large positive term. Pure: no I/O, the weights come from configuration.
 */
public final class BotModel {

    private final double bias;
    private final Map<Feature, Double> weights;
    private final int maxReasons;

    public BotModel(double bias, Map<Feature, Double> weights, int maxReasons) {
        for (Feature feature : Feature.values()) {
            if (!weights.containsKey(feature)) {
                throw new IllegalArgumentException("no weight for feature " + feature.slug());
            }
        }
        this.bias = bias;
        this.weights = new EnumMap<>(weights);
        this.maxReasons = maxReasons;
    }

    public Score score(Map<Feature, Double> features) {
        double logit = bias;
        List<Score.Contribution> raised = new ArrayList<>();
        for (Map.Entry<Feature, Double> feature : features.entrySet()) {
            double term = weights.get(feature.getKey()) * clamp(feature.getValue());
            logit += term;
            if (term > 0) {
                raised.add(new Score.Contribution(feature.getKey(), term));
            }
        }
        raised.sort(Comparator.comparingDouble(Score.Contribution::logit).reversed());
        return new Score(sigmoid(logit), raised.subList(0, Math.min(maxReasons, raised.size())));
    }

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** Features are normalised by their makers; anything outside [0, 1] (or NaN) is a bug not to be amplified. */
    static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
