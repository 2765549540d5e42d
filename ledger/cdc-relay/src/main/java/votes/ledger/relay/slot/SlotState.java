package votes.ledger.relay.slot;

import org.postgresql.replication.LogSequenceNumber;

/**
 * One row of {@code pg_replication_slots} for the relay's slot, with the server's current WAL position, read in
 * one statement. LSNs are byte positions; -1 where PostgreSQL has none (a slot that lost its WAL has no
 * {@code restart_lsn}). {@code safeWalSize} is how many more bytes may be written before the slot is in danger
 * of losing WAL, -1 when {@code max_slot_wal_keep_size} is unlimited.
 *
 * @param walStatus PostgreSQL's {@code wal_status}: reserved, extended, unreserved or lost
 */
public record SlotState(String name, boolean active, long restartLsn, long confirmedFlushLsn, long currentWalLsn,
                        String walStatus, long safeWalSize) {

    public static final String LOST = "lost";

    /** Bytes of WAL written since the last position confirmed to the slot: what a stalled relay owes. */
    public long lagBytes() {
        return confirmedFlushLsn < 0 ? -1 : Math.max(0, currentWalLsn - confirmedFlushLsn);
    }

    /** Bytes of WAL the slot keeps on the server's disk (from its restart LSN on). */
    public long retainedBytes() {
        return restartLsn < 0 ? -1 : Math.max(0, currentWalLsn - restartLsn);
    }

    public boolean lost() {
        return LOST.equals(walStatus);
    }

    /** PostgreSQL's text form, {@code 0/1BC6428}. */
    public static String lsn(long position) {
        return position < 0 ? "none" : LogSequenceNumber.valueOf(position).asString();
    }
}
