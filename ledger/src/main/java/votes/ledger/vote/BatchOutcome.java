package votes.ledger.vote;

import java.util.List;
import votes.events.rule.RejectionReason;

/** What a committed batch really changed: rows this transaction inserted, not rows it tried to insert. */
public record BatchOutcome(int recorded, List<RejectionReason> newRejections) {
}
