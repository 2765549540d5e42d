package votes.ledger.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A receipt as the API shows it (API.md). {@code reason} is always present (null unless rejected);
 * {@code recordedAt} only once recorded. The voter id stays out: it belongs to the ledger, not the answer.
 */
public record ReceiptView(
        UUID receiptId,
        String pollId,
        String optionId,
        String status,
        String reason,
        Instant acceptedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant recordedAt) {
}
