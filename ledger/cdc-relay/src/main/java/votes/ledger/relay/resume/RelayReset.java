package votes.ledger.relay.resume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import votes.ledger.relay.slot.ReplicationSlots;
import votes.ledger.relay.slot.SlotState;

/**
 * The operator's recovery for a relay that cannot resume: drop the replication slot and delete the offsets file,
 * so the next start takes a fresh snapshot of tally_deltas and polls and streams from a new slot. Safe because
 * consumers skip a delta_id they already applied; see the README for the one caveat.
 */
public final class RelayReset {

    private RelayReset() {
    }

    /**
     * @return what was done, one line
     * @throws IllegalStateException if a running relay holds the slot (it must be stopped first)
     */
    public static String run(ReplicationSlots slots, Path offsetsFile) throws SQLException {
        Optional<SlotState> slot = slots.state();
        if (slot.isPresent() && slot.get().active()) {
            throw new IllegalStateException("slot " + slots.slotName() + " is in use by a running relay: stop the relay,"
                    + " then reset");
        }
        StringBuilder done = new StringBuilder();
        if (slot.isPresent()) {
            slots.drop();
            done.append("dropped slot ").append(slots.slotName()).append(" (it was confirmed up to ")
                    .append(SlotState.lsn(slot.get().confirmedFlushLsn())).append(')');
        } else {
            done.append("no slot ").append(slots.slotName()).append(" to drop");
        }
        try {
            boolean deleted = Files.deleteIfExists(offsetsFile);
            done.append(deleted ? "; deleted " : "; no offsets file at ").append(offsetsFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + offsetsFile, e);
        }
        return done.append("; the next start snapshots tally_deltas and polls").toString();
    }
}
