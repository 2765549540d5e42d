package votes.projections.partition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule the tally topology rests on: the topics it reads are keyed by poll id with the same key bytes and the
 * default partitioner, so a poll's rows sit on the same partition NUMBER of each topic, and one task (partition p of
 * every topic) holds the poll's whole state. That holds only if every topic has the same partition count: with 6 and
 * 3, a poll's deltas and its poll row would reach different tasks, which would publish two half-tallies under one key.
 * Kafka Streams checks co-partitioning only for joins, not for a merge into one processor, so the projections do.
 */
public final class CoPartitioning {

    private CoPartitioning() {
    }

    /**
     * @param partitions partition count per topic, in the order the topology names them
     * @throws MismatchedPartitionsException when they are not all the same
     */
    public static void verify(Map<String, Integer> partitions) {
        if (partitions.values().stream().distinct().count() > 1) {
            throw new MismatchedPartitionsException(partitions);
        }
    }

    /** The counts of {@code topics} in that order, from a lookup (the broker's metadata). */
    static Map<String, Integer> counts(List<String> topics, java.util.function.ToIntFunction<String> lookup) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        topics.forEach(topic -> counts.put(topic, lookup.applyAsInt(topic)));
        return counts;
    }

    /** Refusal to start: the message says what differs, why it matters and what to do. */
    public static final class MismatchedPartitionsException extends IllegalStateException {

        MismatchedPartitionsException(Map<String, Integer> partitions) {
            super("The projections read " + describe(partitions) + " co-partitioned (keyed by poll id, a poll's rows in"
                    + " one task) and need the same partition count on each: they refuse to start, since a poll's deltas"
                    + " and its poll row would be tallied by different tasks. Grow the smaller topic to the larger"
                    + " count (./vote up does it on the local stack; kafka-topics.sh --alter --partitions N, or the"
                    + " KafkaTopic's spec.partitions on a cluster); see projections/README.md, \"Upgrade\".");
        }

        private static String describe(Map<String, Integer> partitions) {
            StringBuilder out = new StringBuilder();
            partitions.forEach((topic, count) -> out.append(out.isEmpty() ? "" : " and ").append(topic)
                    .append(" (").append(count).append(" partitions)"));
            return out.toString();
        }
    }
}
