package votes.ingest.vote;

import java.util.List;
import votes.ingest.abuse.ClientKeys;
import votes.ingest.abuse.RateLimits;
import votes.ingest.bot.HistoryKeys;

/**
 * What one vote is counted and watched under, made once before Redis is asked: its client facts' keyed hashes, the
 * limits it counts against, and its bot-history keys (null when the defence keeps none).
 */
record VoteKeys(ClientKeys client, List<RateLimits.Counter> counters, HistoryKeys history) {
}
