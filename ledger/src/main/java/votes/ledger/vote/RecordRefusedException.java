package votes.ledger.vote;

/**
 * The votes INSERT refused a record although the batch held its log's lock: another transaction recorded its
 * (poll, voter) or event from a different partition (only a producer that keyed the vote differently can cause
 * that). Failing the batch keeps the log's leaf indexes contiguous; the retry's prefetch sees the other row.
 */
public class RecordRefusedException extends RuntimeException {

    public RecordRefusedException(int refused) {
        super(refused + " record(s) refused by UNIQUE constraints under the log lock; retrying the batch");
    }
}
