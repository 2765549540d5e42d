package votes.proofs.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.ReceiptChain;

/**
 * A receipt as {@code GET /api/v1/receipts/{id}} shows it. {@code reason} is always present (null unless rejected or
 * voided); {@code recordedAt} only once recorded. A {@code "voided"} vote (recorded, then voided by a confirmed fraud
 * flag) keeps its {@code recordedAt}, entry and chain: its leaf stays in the log; its reason is the void's. The voter
 * id stays out of the top level: it belongs to the ledger.
 * A recorded vote adds {@code entry} (the Merkle leaf, voter pseudonym included, since the leaf hash covers it and
 * only its owner, an admin or an auditor sees the receipt) and {@code chain}: absent field = not applicable,
 * {@code "chain": null} = recorded but no checkpoint covers it yet (hence the Optional: Jackson writes an empty one
 * as null, and NON_NULL drops only a missing one). The ledger serves it; the audit's {@code verify-receipt} reads it
 * (from the API, a file, or rebuilt from the ledger's tables) with {@code EventCodec}, so both share this one record.
 */
public record ReceiptView(
        UUID receiptId,
        String pollId,
        String optionId,
        String status,
        String reason,
        Instant acceptedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant recordedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) LedgerLeaf entry,
        @JsonInclude(JsonInclude.Include.NON_NULL) Optional<ReceiptChain> chain) {
}
