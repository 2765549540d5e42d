package votes.audit.ledger;

/** (poll, voter) pairs with more than one recorded vote: how many, and the first (null when none). */
public record DuplicateVoters(long pairs, String first) {
}
