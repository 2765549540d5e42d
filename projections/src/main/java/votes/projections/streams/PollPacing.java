package votes.projections.streams;

import java.time.Duration;

/**
 * How long a stream thread's next poll may block. Kafka Streams blocks every poll for {@code poll.ms} when no record
 * comes, and looks at the commit interval, its restored tasks and its shutdown only between polls. So a short
 * {@code poll.ms} wakes an idle thread many times a second for nothing, and a long one holds back a burst's last
 * commit (a tally readable only once committed, under exactly_once_v2) and a restored task's start.
 *
 * <p>The rule: the full {@code poll.ms} only while Streams is RUNNING and the last poll brought nothing. After a poll
 * that brought records, the next waits at most the commit wait, just over {@code commit.interval.ms}: the records it
 * brought were processed before it, so when it times out their commit is due, and Streams makes it at once. Before
 * RUNNING (restoring, rebalancing, shutting down) every poll is that short too, so a task restored by the state updater
 * starts as soon as it did with the short {@code poll.ms}.
 *
 * @param commitWait the longest wait after records or outside RUNNING
 */
record PollPacing(Duration commitWait) {

    /** The commit wait for {@code commit.interval.ms}: Streams commits once strictly more than it has passed. */
    static PollPacing forCommitInterval(long commitIntervalMs) {
        return new PollPacing(Duration.ofMillis(commitIntervalMs + 1));
    }

    /**
     * @param requested what Streams asks for ({@code poll.ms})
     * @param running whether the Streams client is RUNNING
     * @param lastPollBroughtRecords whether this consumer's previous poll returned records
     */
    Duration next(Duration requested, boolean running, boolean lastPollBroughtRecords) {
        if (running && !lastPollBroughtRecords) {
            return requested;
        }
        return requested.compareTo(commitWait) <= 0 ? requested : commitWait;
    }
}
