package votes.ingest.fastpath;

/**
 * A Redis list of accepted votes ({@link AcceptedVote} entries) that the settle script, after a vote's ack, either
 * joins the vote to (capped at {@code cap}, living {@code lifeMillis}) or, with {@code handOver}, empties and hands
 * back: the votes a group got in before it was seen for what it is, now to be flagged with it.
 */
public record AcceptedList(String key, long cap, long lifeMillis, boolean handOver) {
}
