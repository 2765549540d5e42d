package votes.ledger.merkle;

import votes.proofs.merkle.LedgerLeaf;

/** A record of the batch with the leaf it becomes and its index in the log of its partition. */
public record LeafAppend(LeafSource entry, LedgerLeaf leaf, long leafIndex) {
}
