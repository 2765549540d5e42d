package votes.ledger.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import votes.events.vote.VoteSubmitted;

/**
 * Folds the votes a transaction really inserted (or voided) into one delta per (poll, option), in first-seen order.
 * Pure: the caller passes only rows its statement changed (from {@code INSERT … RETURNING} or {@code UPDATE …
 * RETURNING}), so a redelivered batch or void, a duplicate or a rejection never reaches a tally.
 */
public final class TallyDeltas {

    private TallyDeltas() {
    }

    public static List<TallyDelta> of(List<VoteSubmitted> inserted, Supplier<UUID> deltaIds) {
        return of(inserted, Map.of(), deltaIds);
    }

    /**
     * @param traceparents the sampled traceparent of each traced vote, by event id: a delta carries the first of
     *                     its votes' (one trace per row; the others end at the ledger)
     */
    public static List<TallyDelta> of(List<VoteSubmitted> inserted, Map<UUID, String> traceparents,
                                      Supplier<UUID> deltaIds) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        Map<List<String>, String> traced = new HashMap<>();
        for (VoteSubmitted vote : inserted) {
            List<String> key = List.of(vote.pollId(), vote.optionId());
            counts.merge(key, 1, Integer::sum);
            String traceparent = traceparents.get(vote.eventId());
            if (traceparent != null) {
                traced.putIfAbsent(key, traceparent);
            }
        }
        return deltas(counts, 1, traced, deltaIds);
    }

    /**
     * The negative deltas of a void: one per option among {@code voidedOptions} (the option of every vote the void
     * really voided, one entry per vote).
     */
    public static List<TallyDelta> voided(String pollId, List<String> voidedOptions, Supplier<UUID> deltaIds) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (String option : voidedOptions) {
            counts.merge(List.of(pollId, option), 1, Integer::sum);
        }
        return deltas(counts, -1, Map.of(), deltaIds);
    }

    private static List<TallyDelta> deltas(Map<List<String>, Integer> counts, int sign,
                                           Map<List<String>, String> traced, Supplier<UUID> deltaIds) {
        List<TallyDelta> deltas = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> deltas.add(new TallyDelta(deltaIds.get(), key.get(0), key.get(1),
                sign * count, traced.get(key))));
        return deltas;
    }
}
