package votes.events.rule;

/** What the ledger does with one submitted vote. */
public sealed interface Decision {

    /** The vote counts: the voter's first valid ballot in this poll. */
    record Record() implements Decision {
    }

    /** This very event is already in the ledger: a redelivery, nothing to write, not a duplicate. */
    record AlreadyRecorded() implements Decision {
    }

    /** The vote does not count, for a reason the voter's receipt will show. */
    record Reject(RejectionReason reason) implements Decision {
    }

    Decision RECORD = new Record();
    Decision ALREADY_RECORDED = new AlreadyRecorded();

    static Decision reject(RejectionReason reason) {
        return new Reject(reason);
    }
}
