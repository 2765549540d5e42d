package votes.ledger.vote;

import votes.events.vote.VoteSubmitted;
import votes.ledger.merkle.LeafSource;

/** A decoded vote with where it sits in the log; the position is stored with the verdict for audits. */
public record LedgerEntry(VoteSubmitted vote, int partition, long offset) implements BatchRecord, LeafSource {
}
