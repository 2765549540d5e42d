package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's invariants over seeded random feature vectors (plain loops: the failing seed is in the message). */
class BotModelTest {

    private static final int RUNS = 2_000;
    private final BotModel model = Shipped.model();

    private static Map<Feature, Double> random(Random random) {
        Map<Feature, Double> x = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            // Zeros are common in real traffic: a third of the features absent.
            x.put(feature, random.nextInt(3) == 0 ? 0.0 : random.nextDouble());
        }
        return x;
    }

    private static Map<Feature, Double> none() {
        Map<Feature, Double> x = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            x.put(feature, 0.0);
        }
        return x;
    }

    @Test
    void everyScoreIsBetweenZeroAndOne() {
        for (long seed = 0; seed < RUNS; seed++) {
            Random random = new Random(seed);
            Map<Feature, Double> x = random(random);
            // Out-of-range inputs too: a bug upstream must not push a score outside [0, 1].
            x.put(Feature.values()[random.nextInt(Feature.values().length)], random.nextGaussian() * 100);
            assertThat(model.score(x).value()).as("seed %d", seed).isBetween(0.0, 1.0);
        }
    }

    @Test
    void raisingAPositiveWeightFeatureNeverLowersTheScore() {
        for (long seed = 0; seed < RUNS; seed++) {
            Random random = new Random(seed);
            Map<Feature, Double> x = random(random);
            Feature feature = Feature.values()[random.nextInt(Feature.values().length)];
            double before = model.score(x).value();
            x.put(feature, Math.min(1, x.get(feature) + random.nextDouble()));
            assertThat(model.score(x).value()).as("seed %d, %s raised", seed, feature).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void reasonsAreSortedByContributionStrongestFirstAndCapped() {
        int maxReasons = (int) Shipped.number("vote.bot.max-reasons");
        for (long seed = 0; seed < RUNS; seed++) {
            Score score = model.score(random(new Random(seed)));
            List<Score.Contribution> contributions = score.contributions();
            assertThat(contributions).as("seed %d", seed).hasSizeLessThanOrEqualTo(maxReasons);
            for (int i = 1; i < contributions.size(); i++) {
                assertThat(contributions.get(i).logit()).as("seed %d", seed)
                        .isLessThanOrEqualTo(contributions.get(i - 1).logit());
            }
            assertThat(contributions).allSatisfy(c -> assertThat(c.logit()).isPositive());
            assertThat(score.reasons()).isEqualTo(contributions.stream().map(c -> c.feature().slug()).toList());
        }
    }

    @Test
    void theStrongestReasonIsTheLargestWeightedTerm() {
        Map<Feature, Double> x = none();
        x.put(Feature.FRESH_TOKEN, 1.0);
        x.put(Feature.HEADLESS_USER_AGENT, 1.0);
        x.put(Feature.ADDRESS_VELOCITY, 0.1);
        Score score = model.score(x);
        assertThat(score.strongest()).isEqualTo(Feature.HEADLESS_USER_AGENT);
        assertThat(score.reasons()).containsExactly("headless-user-agent", "fresh-token", "address-velocity");
    }

    @Test
    void aVoteWithNothingSuspiciousHasNoReasons() {
        Score score = model.score(none());
        assertThat(score.reasons()).isEmpty();
        assertThat(score.strongest()).isNull();
        assertThat(score.value()).isLessThan(Shipped.number("vote.bot.challenge-threshold"));
    }

    @Test
    void everyFeatureNeedsAWeight() {
        Map<Feature, Double> partial = new EnumMap<>(Feature.class);
        partial.put(Feature.FRESH_TOKEN, 1.0);
        assertThatThrownBy(() -> new BotModel(0, partial, 3)).hasMessageContaining("no weight for feature");
        assertThatThrownBy(() -> BotDefense.weights(Map.of("fresh-token", 1.0)))
                .hasMessageContaining("vote.bot.weights.");
    }
}
