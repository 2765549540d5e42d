package votes.ledger.vote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many transactions one consumer's batch is written in. A small batch (a live ledger's: the votes of one produce
 * request) is one transaction, so each produce request costs the ledger one fetch and one transaction; a large one (a
 * ledger catching up) is split by partition into two groups of about equal size, written at the same time, so one
 * waits on PostgreSQL while the other is planned, as two consumers' batches would be. A group holds whole partitions,
 * each in log order, and the groups lock disjoint Merkle logs.
 */
final class PartitionGroups {

    private PartitionGroups() {
    }

    /** @param splitAt the fewest records a batch is split at (two groups at most); at most 0: never split */
    static List<List<BatchRecord>> of(List<BatchRecord> records, int splitAt) {
        if (splitAt <= 0 || records.size() < splitAt) {
            return List.of(records);
        }
        Map<Integer, List<BatchRecord>> byPartition = new LinkedHashMap<>();
        records.forEach(record -> byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record));
        if (byPartition.size() < 2) {
            return List.of(records);
        }
        // The largest partition first, each to the lighter group: the groups' sizes differ by at most one partition's.
        List<List<BatchRecord>> partitions = new ArrayList<>(byPartition.values());
        partitions.sort(Comparator.comparingInt((List<BatchRecord> partition) -> partition.size()).reversed());
        List<BatchRecord> first = new ArrayList<>();
        List<BatchRecord> second = new ArrayList<>();
        for (List<BatchRecord> partition : partitions) {
            (first.size() <= second.size() ? first : second).addAll(partition);
        }
        return List.of(first, second);
    }
}
