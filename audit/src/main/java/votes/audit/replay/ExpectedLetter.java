package votes.audit.replay;

import votes.events.deadletter.DeadLetterReason;

/**
 * A poison record of {@code votes.submitted} as the replay found it: the ledger must have dead-lettered it, for
 * this reason, byte for byte.
 *
 * @param value the record's value in the log (null for a tombstone, which the ledger appends as an empty value)
 */
public record ExpectedLetter(int partition, long offset, DeadLetterReason reason, byte[] value) {

    public String source() {
        return partition + "@" + offset;
    }
}
