package votes.ledger.vote;

import votes.events.rule.RejectionReason;

/** A vote the rule refused, and why. */
public record Rejection(LedgerEntry entry, RejectionReason reason) {
}
