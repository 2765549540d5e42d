package votes.ledger.vote;

import java.util.List;
import java.util.UUID;

/**
 * The batch's plan met a row committed before it that its prefetch did not see, so committing it would skip a leaf
 * index or write a verdict the audit replay would not: the votes INSERT refused a record although the batch held
 * its log's lock (another transaction recorded its (poll, voter) or event id from a different partition: a producer
 * that keyed a vote differently), or the batch rejected an event id that is already recorded under another
 * (poll, voter) (a producer that reused an id). Failing the batch keeps the log's leaf indexes contiguous; the
 * retry's prefetch (by (poll, voter) and by event id, see {@link VoteBatchWriter}) sees the other row.
 */
public class RecordRefusedException extends RuntimeException {

    public RecordRefusedException(int refused) {
        super(refused + " record(s) refused by UNIQUE constraints under the log lock; retrying the batch");
    }

    public RecordRefusedException(List<UUID> rejectedButRecorded) {
        super("rejected event id(s) already recorded under another (poll, voter): " + rejectedButRecorded
                + "; retrying the batch");
    }
}
