package votes.audit.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.receipt.ReceiptView;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;

/**
 * Reads a receipt (as the API serves it) and a signed checkpoint (as the API and the ledger serve it) with the
 * contract's own mapper ({@link EventCodec}), so the audit reads exactly what the ledger writes. Text that is not
 * JSON is a wrong argument ({@link IllegalArgumentException}: could not run); JSON that is no valid receipt or
 * checkpoint — a malformed hash, a missing field — is a {@link MalformedDocument}: what a forgery looks like.
 */
public final class ReceiptJson {

    private ReceiptJson() {
    }

    public static ReceiptView receipt(String text) {
        return parse(text, ReceiptView.class, "receipt");
    }

    public static SignedCheckpoint checkpoint(String text) {
        return parse(text, SignedCheckpoint.class, "signed checkpoint");
    }

    private static <T> T parse(String text, Class<T> type, String what) {
        try {
            EventCodec.fromJson(text, JsonNode.class);
        } catch (EventCodecException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        try {
            return EventCodec.fromJson(text, type);
        } catch (EventCodecException e) {
            throw new MalformedDocument("not a well-formed " + what + ": " + why(e), e);
        }
    }

    /** The innermost reason, on one line: a forged root may carry a line break, the report must not. */
    private static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
        return String.valueOf(message).replace("\n", "\\n").replace("\r", "\\r");
    }
}
