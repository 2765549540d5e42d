package votes.ledger.vote;

/**
 * A vote names a poll the ledger does not have yet, but was submitted so recently that the poll may still be on
 * its way (appended to {@code poll-events}, not yet in {@code polls}). Rejecting it as {@code poll-not-found} would
 * disagree with a replay that knows the poll, so the batch is retried instead, until the grace period has passed.
 */
public class PollNotYetKnownException extends RuntimeException {

    public PollNotYetKnownException(String pollId) {
        super("poll " + pollId + " is not in the ledger yet", null, false, false);
    }
}
