package votes.ledger.vote;

/**
 * A plan made without prefetch met a vote recorded before its batch: the batch's pairs or ids were not all new.
 * Not a failure of the batch, so no stack trace: {@link VoteBatchWriter} writes it again with the prefetch.
 */
final class RecordedBeforeTheBatch extends RuntimeException {

    RecordedBeforeTheBatch() {
        super("a vote of the batch's (poll, voter) pairs or event ids was recorded before it", null, false, false);
    }
}
