package votes.events.key;

/**
 * Record keys, and so partitions. A vote is keyed by (poll, voter): one voter's attempts in a poll land on
 * one partition in order, which makes "first submission wins" deterministic, while a hot poll still spreads
 * over every partition by voter.
 */
public final class PartitionKeys {

    private static final char SEPARATOR = '/';

    private PartitionKeys() {
    }

    public static String vote(String pollId, String voterId) {
        return pollId + SEPARATOR + voterId;
    }

    public static String poll(String pollId) {
        return pollId;
    }
}
