package votes.perf.swarm;

import java.util.EnumMap;
import java.util.Map;

/**
 * The shape of one phase's swarm: how long, how many people over how many /24s, how many votes per bot strategy.
 *
 * @param phase         {@link Phase#index()}: 0 = the baseline phase (defence off), 1 = the measured one, 2 = a
 *                      warm-up, 3 = the defended one: they use disjoint addresses and voters
 * @param hintlessShare the share of people on Safari/Firefox (no client hints)
 * @param botGiveUpBits a bot (but machine-pow, which pays anything) leaves a challenge harder than this unsolved
 */
public record PlanSettings(int phase, long durationMillis, long seed, int humans, int humanNets, double hintlessShare,
                           Map<Strategy, Integer> bots, int botGiveUpBits) {

    public PlanSettings {
        if (durationMillis < 1_000) {
            throw new IllegalArgumentException("a phase lasts at least 1 s");
        }
        if (humans < 0 || hintlessShare < 0 || hintlessShare > 1) {
            throw new IllegalArgumentException("bad human population: " + humans + ", hintless " + hintlessShare);
        }
        EnumMap<Strategy, Integer> copy = new EnumMap<>(Strategy.class);
        copy.putAll(bots);
        if (copy.containsKey(Strategy.HUMAN) || copy.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("bot counts are per bot strategy, never negative: " + bots);
        }
        bots = Map.copyOf(copy);
    }

    public int botCount(Strategy strategy) {
        return bots.getOrDefault(strategy, 0);
    }
}
