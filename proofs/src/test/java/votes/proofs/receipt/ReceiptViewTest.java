package votes.proofs.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.proofs.merkle.LedgerLeaf;

class ReceiptViewTest {

    private static final UUID ID = UUID.fromString("0190b7a4-1c2d-7e3f-8a4b-5c6d7e8f9a0b");
    private static final Instant ACCEPTED = Instant.parse("2026-11-30T02:00:00Z");
    private static final LedgerLeaf ENTRY = new LedgerLeaf(ID, "song", "pseudonym", "a", ACCEPTED, 3, 41);

    @Test
    void aRecordedVoteNotYetCoveredByACheckpointSaysChainNull() {
        ReceiptView recorded = new ReceiptView(ID, "song", "a", "recorded", null, ACCEPTED, ACCEPTED.plusMillis(40),
                ENTRY, Optional.empty());

        JsonNode json = EventCodec.fromJson(EventCodec.toJson(recorded), JsonNode.class);

        assertThat(json.has("chain")).isTrue();
        assertThat(json.get("chain").isNull()).isTrue();
        assertThat(json.get("reason").isNull()).as("reason is always present").isTrue();
        assertThat(EventCodec.fromJson(EventCodec.toJson(recorded), ReceiptView.class)).isEqualTo(recorded);
    }

    @Test
    void aRejectedVoteHasNeitherEntryNorChainNorRecordedAt() {
        ReceiptView rejected = new ReceiptView(ID, "song", "a", "rejected", "duplicate", ACCEPTED, null, null, null);

        JsonNode json = EventCodec.fromJson(EventCodec.toJson(rejected), JsonNode.class);

        assertThat(json.has("entry")).isFalse();
        assertThat(json.has("chain")).isFalse();
        assertThat(json.has("recordedAt")).isFalse();
        assertThat(json.get("reason").asText()).isEqualTo("duplicate");
    }

    @Test
    void readsTheChainNullOfTheApiAsNoChainYet() {
        String served = "{\"receiptId\":\"" + ID + "\",\"pollId\":\"song\",\"optionId\":\"a\",\"status\":\"recorded\","
                + "\"reason\":null,\"acceptedAt\":\"2026-11-30T02:00:00Z\",\"chain\":null}";

        ReceiptView read = EventCodec.fromJson(served, ReceiptView.class);

        assertThat(read.chain()).isEmpty();
        assertThat(read.receiptId()).isEqualTo(ID);
    }
}
