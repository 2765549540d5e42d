package votes.ledger.relay.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.replication.LogSequenceNumber;
import votes.ledger.relay.offset.StoredOffset;
import votes.ledger.relay.slot.SlotState;

class ResumeCheckTest {

    private static final String SLOT = "votes_cdc_relay";

    private static long lsn(String text) {
        return LogSequenceNumber.valueOf(text).asLong();
    }

    private static Optional<StoredOffset> stored(String processed, String commit) {
        return Optional.of(new StoredOffset(lsn(processed), lsn(commit), false));
    }

    private static Optional<SlotState> slot(String restart, String confirmed, String walStatus) {
        return Optional.of(new SlotState(SLOT, false, lsn(restart), lsn(confirmed), lsn("0/2000000"), walStatus, -1));
    }

    @Test
    void theIssuesStateASlotConfirmedPastTheOffsetsFileIsRefusedNamingBothPositions() {
        ResumeVerdict verdict = ResumeCheck.decide(stored("0/1BC5FC0", "0/1BC5FC0"),
                slot("0/1BC6428", "0/1BC6428", "reserved"), SLOT);

        assertThat(verdict.kind()).isEqualTo(ResumeVerdict.Kind.REFUSE);
        assertThat(verdict.mayStart()).isFalse();
        assertThat(verdict.reason()).contains(SLOT, "0/1BC6428", "0/1BC5FC0");
    }

    @Test
    void slotAtOrBehindTheStoredOffsetResumes() {
        assertThat(ResumeCheck.decide(stored("0/1BC6428", "0/1BC6428"), slot("0/1BC5000", "0/1BC6428", "reserved"), SLOT)
                .kind()).isEqualTo(ResumeVerdict.Kind.RESUME);
        // After a kill -9 the file may be ahead of the slot: the slot still holds everything after it.
        assertThat(ResumeCheck.decide(stored("0/1C00000", "0/1C00000"), slot("0/1BC5000", "0/1BC6428", "extended"), SLOT)
                .kind()).isEqualTo(ResumeVerdict.Kind.RESUME);
    }

    @Test
    void insideATransactionDecodedAfterALaterOneTheProcessedLsnMayTrailTheConfirmedCommitLsn() {
        // Transaction A wrote at 0/100, B committed at 0/150, A committed later: while A streams, lsn_proc is 0/100
        // and lsn_commit (what Debezium confirms) is B's 0/150; A's restart position is before 0/100.
        ResumeVerdict verdict = ResumeCheck.decide(stored("0/100", "0/150"), slot("0/90", "0/150", "reserved"), SLOT);

        assertThat(verdict.kind()).isEqualTo(ResumeVerdict.Kind.RESUME);
    }

    @Test
    void slotThatKeepsWalOnlyFromAfterTheOffsetIsRefusedAsDebeziumWould() {
        ResumeVerdict verdict = ResumeCheck.decide(stored("0/100", "0/100"), slot("0/180", "0/100", "reserved"), SLOT);

        assertThat(verdict.kind()).isEqualTo(ResumeVerdict.Kind.REFUSE);
        assertThat(verdict.reason()).contains("0/180");
    }

    @Test
    void missingSlotWithAStoredOffsetIsRefused() {
        ResumeVerdict verdict = ResumeCheck.decide(stored("0/100", "0/100"), Optional.empty(), SLOT);

        assertThat(verdict.kind()).isEqualTo(ResumeVerdict.Kind.REFUSE);
        assertThat(verdict.reason()).contains("does not exist");
    }

    @Test
    void slotThatLostItsWalIsRefusedWhateverItsPositions() {
        Optional<SlotState> lost = Optional.of(new SlotState(SLOT, false, -1, lsn("0/100"), lsn("0/9000000"), "lost", -1));

        ResumeVerdict verdict = ResumeCheck.decide(stored("0/100", "0/100"), lost, SLOT);

        assertThat(verdict.kind()).isEqualTo(ResumeVerdict.Kind.REFUSE);
        assertThat(verdict.reason()).contains("wal_status=lost");
    }

    @Test
    void noStoredOffsetSnapshotsWithOrWithoutASlot() {
        assertThat(ResumeCheck.decide(Optional.empty(), Optional.empty(), SLOT).kind())
                .isEqualTo(ResumeVerdict.Kind.SNAPSHOT);
        assertThat(ResumeCheck.decide(Optional.empty(), slot("0/100", "0/100", "reserved"), SLOT).kind())
                .isEqualTo(ResumeVerdict.Kind.SNAPSHOT);
    }

    @Test
    void anInterruptedFirstSnapshotStartsAgainEvenWithoutASlot() {
        Optional<StoredOffset> midSnapshot = Optional.of(new StoredOffset(-1, -1, true));

        assertThat(ResumeCheck.decide(midSnapshot, Optional.empty(), SLOT).kind()).isEqualTo(ResumeVerdict.Kind.SNAPSHOT);
    }
}
