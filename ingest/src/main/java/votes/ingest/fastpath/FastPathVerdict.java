package votes.ingest.fastpath;

import java.util.List;
import java.util.UUID;
import votes.events.receipt.AcceptedReceipt;
import votes.ingest.abuse.RateLimits;
import votes.ingest.bot.AcceptedVote;
import votes.ingest.bot.History;

/** What Redis knew about a vote before it is appended, in one round trip. */
public sealed interface FastPathVerdict {

    /**
     * The token's session ended (or the token itself was revoked) before its exp: refused, nothing read or counted.
     * Only Redis knows it: with Redis down the verdict is {@link Skipped} and the vote goes on (voting fails open).
     */
    record Revoked() implements FastPathVerdict {
    }

    /** The voter already used this Idempotency-Key: answer with the same receipt, append nothing, count nothing. */
    record Replay(AcceptedReceipt receipt) implements FastPathVerdict {
    }

    /**
     * A rate limit refused the vote: nothing was counted, no slot reserved. {@code overLimit}: the votes the refusing
     * key had admitted and the log acked within its window (only with over-limit flags on, and handed over once).
     */
    record Limited(RateLimits.Exceeded exceeded, List<AcceptedVote> overLimit) implements FastPathVerdict {
        public Limited {
            overLimit = List.copyOf(overLimit);
        }
    }

    /**
     * Every limit admitted the vote and counted it; {@code existingReceiptId} is the voter's earlier vote in this poll (accepted, or reserved by
     * an attempt still in flight), or null: then the slot is now reserved for this attempt, which must settle or
     * release it. {@code counts} follow the order of the counters asked for (a sliding log's votes in its window, this one
     * included; 0 for a bucket); {@code history} is the bot score's ({@link History#NONE} when not asked for or a
     * duplicate).
     */
    record Checked(UUID existingReceiptId, List<Long> counts, History history) implements FastPathVerdict {

        /** The count of the first counter of this kind (voter, address, prefix, device), 0 when it has none. */
        public long countOf(List<RateLimits.Counter> counters, String scope) {
            for (int i = 0; i < counters.size() && i < counts.size(); i++) {
                if (scope.equals(counters.get(i).scope())) {
                    return counts.get(i);
                }
            }
            return 0;
        }
    }

    /**
     * Redis did not answer in time (or at all): go on, the ledger's unique constraint decides. The script may
     * still have run (a slow Redis), so the slot may be reserved for this attempt all the same.
     */
    record Skipped(String why) implements FastPathVerdict {
    }
}
