package votes.perf.fit;

import java.util.Map;

/**
 * One scoring as ingest logged it at DEBUG ({@code votes.ingest.bot.BotDefense}): the poll, the pseudonymous voter,
 * the score it got, and its features by slug. A challenged vote is scored twice (the attempt and the solved retry):
 * two samples, each a decision the model made.
 */
public record ScoredVote(String pollId, String voterId, double score, Map<String, Double> features) {

    public ScoredVote {
        features = Map.copyOf(features);
    }
}
