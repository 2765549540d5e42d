package votes.ingest.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads a vote body and the client-chosen headers, refusing anything malformed with a reason a client can
 * act on. Pure: no I/O, so every rule of the request is a unit test.
 */
public final class VoteRequestParser {

    /** The API's rule: bodies over 4 KiB are refused with 413 before anything else looks at them. */
    public static final int MAX_BODY_BYTES = 4096;
    public static final int MAX_IDEMPOTENCY_KEY = 100;
    // Not among the API's limits, but a header that long is no fingerprint and would bloat every event.
    public static final int MAX_DEVICE_ID = 200;
    private static final Pattern OPTION_ID = Pattern.compile("[a-z0-9-]{1,40}");

    private final ObjectMapper json;

    public VoteRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /** The outcome of reading a request: a vote to submit, or the reason it is not one. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(VoteRequest request, String idempotencyKey, String deviceId) implements Parsed {
    }

    public record Invalid(VoteOutcome.Refusal refusal) implements Parsed {
    }

    public Parsed parse(byte[] body, String idempotencyKey, String deviceId) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            return new Invalid(new VoteOutcome.TooLarge(body.length));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            return malformed("Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        if (deviceId != null && deviceId.length() > MAX_DEVICE_ID) {
            return malformed("X-Device-Id must be at most " + MAX_DEVICE_ID + " characters");
        }
        if (body == null || body.length == 0) {
            return malformed("the body must be a JSON object with optionId");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return malformed("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return malformed("the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return malformed("the body must be a JSON object with optionId");
        }
        JsonNode option = tree.get("optionId");
        if (option == null || option.isNull()) {
            return malformed("optionId is required");
        }
        if (!option.isTextual() || !OPTION_ID.matcher(option.textValue()).matches()) {
            return malformed("optionId must match [a-z0-9-]{1,40}");
        }
        String device = deviceId == null || deviceId.isBlank() ? null : deviceId;
        return new Valid(new VoteRequest(option.textValue()), idempotencyKey, device);
    }

    private static Invalid malformed(String detail) {
        return new Invalid(new VoteOutcome.Malformed(detail));
    }
}
