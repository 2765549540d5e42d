package votes.ledger.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a batch's reads look up, gathered in one pass over its records.
 *
 * @param partitions the partitions whose Merkle logs the batch locks
 * @param entries the batch's votes, in log order
 * @param eventIds every event id of the batch, poison's included: a retry looks those up too
 */
record BatchKeys(Set<Integer> partitions, List<LedgerEntry> entries, List<UUID> eventIds) {

    static BatchKeys of(List<? extends BatchRecord> batch) {
        Set<Integer> partitions = new TreeSet<>();
        List<LedgerEntry> entries = new ArrayList<>(batch.size());
        List<UUID> eventIds = new ArrayList<>(batch.size());
        for (BatchRecord record : batch) {
            partitions.add(record.partition());
            if (record instanceof LedgerEntry entry) {
                entries.add(entry);
                eventIds.add(entry.vote().eventId());
            } else if (record instanceof PoisonEntry poison && poison.poison().eventId() != null) {
                eventIds.add(poison.poison().eventId());
            }
        }
        return new BatchKeys(partitions, entries, eventIds);
    }

    /**
     * Whether the plan records every vote of the batch and the batch holds nothing else with an event id (no
     * rejection, no redelivery, no poison to judge): nearly every batch, since ingest refuses a second vote before it
     * reaches the log.
     */
    boolean allRecordedBy(BatchPlan plan) {
        return plan.records().size() == entries.size() && eventIds.size() == entries.size();
    }
}
