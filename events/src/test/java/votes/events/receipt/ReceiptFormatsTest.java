package votes.events.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.sample.FrozenSample;

class ReceiptFormatsTest {

    private static final UUID ID = UUID.fromString("0193a1b2-0000-7000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-11-21T20:15:30.123456Z");

    @Test
    void anAcceptedReceiptIsWrittenExactlyAsTheFrozenSampleAndReadsBack() {
        AcceptedReceipt receipt = AcceptedReceipt.of(ID, "p1", "a", AT);
        assertThat(EventCodec.encode(receipt)).isEqualTo(FrozenSample.read("receipt/accepted-receipt.json"));
        assertThat(EventCodec.decodeAcceptedReceipt(FrozenSample.read("receipt/accepted-receipt.json")))
                .isEqualTo(receipt);
        assertThat(receipt.status()).isEqualTo("accepted");
    }

    @Test
    void aPendingReceiptIsWrittenExactlyAsTheFrozenSampleAndReadsBack() {
        PendingReceipt receipt = new PendingReceipt(ID, "p1", "a", "voterHash", AT);
        assertThat(EventCodec.encode(receipt)).isEqualTo(FrozenSample.read("receipt/pending-receipt.json"));
        assertThat(EventCodec.decodePendingReceipt(EventCodec.encode(receipt))).isEqualTo(receipt);
    }

    @Test
    void anAcceptedReceiptNamesWhereTheLedgerAnswersAndWhatItLeavesForTheLedger() {
        AcceptedReceipt receipt = AcceptedReceipt.of(ID, "p1", "a", AT);
        assertThat(receipt.location()).isEqualTo("/api/v1/receipts/0193a1b2-0000-7000-8000-000000000001");
        assertThat(PendingReceipt.of(receipt, "voterHash")).isEqualTo(new PendingReceipt(ID, "p1", "a", "voterHash", AT));
    }

    @Test
    void thePendingReceiptLivesUnderItsIdInRedis() {
        assertThat(PendingReceipt.key(ID)).isEqualTo("receipt:0193a1b2-0000-7000-8000-000000000001");
        assertThat(new PendingReceipt(ID, "p1", "a", "v", AT).key()).isEqualTo(PendingReceipt.key(ID));
    }

    @Test
    void aPendingReceiptMissingFieldsReadsWithNullsButGarbageIsACodecError() {
        PendingReceipt partial = EventCodec.decodePendingReceipt("{\"pollId\":\"p1\",\"extra\":1}");
        assertThat(partial.pollId()).isEqualTo("p1");
        assertThat(partial.acceptedAt()).isNull();
        assertThatThrownBy(() -> EventCodec.decodePendingReceipt("not json")).isInstanceOf(EventCodecException.class);
    }
}
