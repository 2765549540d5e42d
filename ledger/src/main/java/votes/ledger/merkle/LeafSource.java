package votes.ledger.merkle;

import votes.events.vote.VoteSubmitted;

/**
 * What a leaf is made of: a vote and where it sits in the log. The batch's entries implement it, so the logs take
 * them as they are, and this package needs nothing from the one that judges votes.
 */
public interface LeafSource {

    VoteSubmitted vote();

    int partition();

    long offset();
}
