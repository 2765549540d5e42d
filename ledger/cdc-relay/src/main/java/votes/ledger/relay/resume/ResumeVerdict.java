package votes.ledger.relay.resume;

/**
 * Whether the relay may start its engine, and why.
 *
 * @param reason one sentence an operator can act on
 */
public record ResumeVerdict(Kind kind, String reason) {

    public enum Kind {
        /** No stored offset (or a first snapshot to finish): Debezium snapshots tally_deltas and polls, then streams. */
        SNAPSHOT,
        /** The slot still holds every change after the stored offset. */
        RESUME,
        /** Changes after the stored offset are gone from the slot, or may be: only a reset (re-snapshot) recovers. */
        REFUSE
    }

    public boolean mayStart() {
        return kind != Kind.REFUSE;
    }
}
