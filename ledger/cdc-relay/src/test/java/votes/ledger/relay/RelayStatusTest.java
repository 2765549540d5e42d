package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import votes.ledger.relay.slot.SlotReading;
import votes.ledger.relay.slot.SlotState;

class RelayStatusTest {

    private final RelayStatus status = new RelayStatus();

    @Test
    void slotLagRetainedWalAndWalStatusAreExposedFromTheLastReading() {
        status.slot(SlotReading.of(Optional.of(
                new SlotState("votes_cdc_relay", true, 1_000, 4_000, 10_000, "extended", 7_000))));

        assertThat(status.prometheus())
                .contains("cdc_relay_slot_exists 1\n", "cdc_relay_slot_active 1\n",
                        "cdc_relay_slot_lag_bytes 6000\n", "cdc_relay_slot_retained_wal_bytes 9000\n",
                        "cdc_relay_slot_safe_wal_size_bytes 7000\n",
                        "cdc_relay_slot_wal_status{status=\"extended\"} 1\n",
                        "cdc_relay_slot_wal_status{status=\"reserved\"} 0\n",
                        "cdc_relay_slot_wal_status{status=\"lost\"} 0\n");
    }

    @Test
    void unknownSlotValuesAreNaNNotZeroSoAnAlertCannotMistakeThemForHealthy() {
        status.slot(SlotReading.failed("connection refused"));

        assertThat(status.prometheus()).contains("cdc_relay_slot_lag_bytes NaN\n", "cdc_relay_slot_exists NaN\n",
                "cdc_relay_slot_wal_status{status=\"lost\"} NaN\n", "cdc_relay_slot_checks_failed_total 1\n");
    }

    @Test
    void aMissingSlotIsReportedAsAbsent() {
        status.slot(SlotReading.of(Optional.empty()));

        assertThat(status.prometheus()).contains("cdc_relay_slot_exists 0\n", "cdc_relay_slot_lag_bytes NaN\n");
    }

    @Test
    void aRefusedResumeKeepsReadinessDownAndRaisesTheGaugeUntilAStartIsAllowed() {
        status.polling(true);
        status.resumeRefused("slot votes_cdc_relay was confirmed up to 0/1BC6428");

        assertThat(status.ready()).isFalse();
        assertThat(status.prometheus()).contains("cdc_relay_resume_failed 1\n", "cdc_relay_ready 0\n");
        assertThat(status.readiness()).contains("\"resumeRefused\":true", "0/1BC6428");

        status.resumeRefused(null);
        assertThat(status.prometheus()).contains("cdc_relay_resume_failed 0\n");
    }

    @Test
    void engineFailuresAreCounted() {
        status.engineFailed("DebeziumException: boom");
        status.engineFailed("DebeziumException: boom");

        assertThat(status.prometheus()).contains("cdc_relay_engine_failures_total 2\n");
        assertThat(status.readiness()).contains("boom");
    }
}
