package votes.ingest.bot;

/**
 * A Redis list of one group's accepted votes ({@link AcceptedVote} entries: a rate-limit subject's, or a token
 * batch's) that the settle script, after a vote's ack, joins the vote to (capped at {@code cap}, living
 * {@code lifeMillis}) until the group is seen for what it is: then the list's votes are handed back to be flagged
 * with {@code flag}, and, for as long as the list lives, so is each vote of the group as it settles. Once seen, the
 * list holds the marker {@code '!seen'}, written and read only by check.lua and settle.lua.
 *
 * @param handOver the settling vote itself is the one that shows the group (its own flag names the group)
 */
public record AcceptedList(String key, long cap, long lifeMillis, boolean handOver, Screening.PendingFlag flag) {
}
