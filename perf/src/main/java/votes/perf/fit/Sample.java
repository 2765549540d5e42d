package votes.perf.fit;

/** One scoring with its label: the population it came from (a strategy's slug, or human), bot or not, its features. */
public record Sample(String population, boolean bot, String voterId, double[] features) {
}
