package votes.ledger.merkle;

import votes.proofs.merkle.LedgerLeaf;
import votes.ledger.vote.LedgerEntry;

/** A record of the batch with the leaf it becomes and its index in the log of its partition. */
public record LeafAppend(LedgerEntry entry, LedgerLeaf leaf, long leafIndex) {
}
