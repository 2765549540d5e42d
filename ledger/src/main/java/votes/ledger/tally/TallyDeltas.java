package votes.ledger.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import votes.events.vote.VoteSubmitted;

/**
 * Folds the votes a transaction really inserted into one delta per (poll, option), in first-seen order. Pure:
 * the caller passes only inserted votes (from {@code INSERT … RETURNING}), so a redelivered batch, a duplicate
 * or a rejection never reaches a tally.
 */
public final class TallyDeltas {

    private TallyDeltas() {
    }

    public static List<TallyDelta> of(List<VoteSubmitted> inserted, Supplier<UUID> deltaIds) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (VoteSubmitted vote : inserted) {
            counts.merge(List.of(vote.pollId(), vote.optionId()), 1, Integer::sum);
        }
        List<TallyDelta> deltas = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> deltas.add(new TallyDelta(deltaIds.get(), key.get(0), key.get(1), count)));
        return deltas;
    }
}
