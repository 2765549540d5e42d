package votes.ledger.relay.resume;

import java.util.Optional;
import votes.ledger.relay.offset.StoredOffset;
import votes.ledger.relay.slot.SlotState;

/**
 * Decides, before the engine starts, whether the stored offset can be resumed from the slot. The same rule as
 * Debezium's own start check (the slot's {@code restart_lsn} must not be after the offset's {@code lsn_proc}), plus
 * the one Debezium does not make: a slot confirmed past the LSN the stored offset would confirm ({@code lsn_commit})
 * has let PostgreSQL forget changes the relay never stored, and streaming from it would skip them silently. Deciding here lets the relay refuse with
 * one clear line instead of starting an engine that fails (and logs a stack trace) once per retry.
 */
public final class ResumeCheck {

    private ResumeCheck() {
    }

    public static ResumeVerdict decide(Optional<StoredOffset> stored, Optional<SlotState> slot, String slotName) {
        if (stored.isEmpty()) {
            return new ResumeVerdict(ResumeVerdict.Kind.SNAPSHOT, "no stored offset: snapshot, then stream from slot "
                    + slotName + (slot.isPresent() ? " (it exists: the snapshot overlaps it, repeats only)" : " (to be created)"));
        }
        StoredOffset offset = stored.get();
        if (offset.snapshotRunning()) {
            return new ResumeVerdict(ResumeVerdict.Kind.SNAPSHOT, "the first snapshot did not finish: it starts again");
        }
        if (slot.isEmpty()) {
            return refuse("slot " + slotName + " does not exist, but the offsets file is at "
                    + SlotState.lsn(offset.processedLsn()) + ": the changes committed since the slot was dropped are in no slot");
        }
        SlotState state = slot.get();
        if (state.lost()) {
            return refuse("slot " + slotName + " has wal_status=lost: PostgreSQL removed WAL it still needed"
                    + " (more than max_slot_wal_keep_size behind)");
        }
        if (!offset.hasProcessedLsn()) {
            return new ResumeVerdict(ResumeVerdict.Kind.RESUME, "stored offset has no LSN to compare: stream from the slot");
        }
        if (state.confirmedFlushLsn() > offset.confirmableLsn()) {
            return refuse("slot " + slotName + " was confirmed up to " + SlotState.lsn(state.confirmedFlushLsn())
                    + ", past the offsets file's " + SlotState.lsn(offset.confirmableLsn())
                    + ": changes between them may never have reached Kafka");
        }
        if (state.restartLsn() > offset.processedLsn()) {
            return refuse("slot " + slotName + " keeps WAL only from " + SlotState.lsn(state.restartLsn())
                    + ", after the offsets file's " + SlotState.lsn(offset.processedLsn()));
        }
        return new ResumeVerdict(ResumeVerdict.Kind.RESUME, "resume at " + SlotState.lsn(offset.processedLsn())
                + " from slot " + slotName + " (confirmed " + SlotState.lsn(state.confirmedFlushLsn()) + ")");
    }

    private static ResumeVerdict refuse(String reason) {
        return new ResumeVerdict(ResumeVerdict.Kind.REFUSE, reason);
    }
}
