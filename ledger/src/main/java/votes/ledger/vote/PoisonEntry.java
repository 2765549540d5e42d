package votes.ledger.vote;

import votes.events.codec.VoteRecord;

/**
 * A record of the batch that is no vote the rule can judge ({@link VoteRecord.Poison}): it goes to the dead-letter
 * topic, and when it carries an event id it is rejected as {@code malformed} in the batch's own transaction.
 */
public record PoisonEntry(VoteRecord.Poison poison, int partition, long offset) implements BatchRecord {
}
