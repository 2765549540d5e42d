package votes.audit.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import votes.events.checkpoint.SignedCheckpoint;
import votes.events.merkle.LedgerLeaf;

/** Reads a receipt (as the API serves it) and a signed checkpoint (as the API and the ledger serve it). */
public final class ReceiptJson {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ReceiptJson() {
    }

    public static Receipt receipt(String text) {
        JsonNode json = tree(text);
        JsonNode entry = json.path("entry");
        LedgerLeaf leaf = entry.isObject() ? new LedgerLeaf(UUID.fromString(entry.path("eventId").asText()),
                entry.path("pollId").asText(), entry.path("voterId").asText(), entry.path("optionId").asText(),
                Instant.parse(entry.path("submittedAt").asText()), entry.path("partition").asInt(),
                entry.path("offset").asLong()) : null;
        JsonNode chain = json.path("chain");
        Receipt.Chain proof = null;
        if (chain.isObject()) {
            List<String> hashes = new ArrayList<>();
            chain.path("inclusionProof").forEach(h -> hashes.add(h.asText()));
            proof = new Receipt.Chain(chain.path("log").asInt(), chain.path("leafIndex").asLong(),
                    chain.path("treeSize").asLong(), chain.path("leafHash").asText(null), hashes,
                    chain.hasNonNull("checkpoint") ? checkpoint(chain.get("checkpoint")) : null);
        }
        return new Receipt(json.path("receiptId").asText(null), json.path("status").asText(null),
                json.path("reason").asText(null), leaf, proof);
    }

    public static SignedCheckpoint checkpoint(String text) {
        return checkpoint(tree(text));
    }

    static SignedCheckpoint checkpoint(JsonNode json) {
        try {
            return JSON.treeToValue(json, SignedCheckpoint.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
