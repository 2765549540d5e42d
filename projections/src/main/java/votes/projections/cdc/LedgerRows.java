package votes.projections.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import votes.events.poll.PollOption;
import votes.projections.streams.Json;

/**
 * Reads the relay's flat rows (Debezium {@code ExtractNewRecordState}, schemas off). Fails with
 * {@link MalformedRowException} on a row that cannot be a ledger row; the topology logs and skips it.
 */
public final class LedgerRows {

    private static final ObjectMapper MAPPER = Json.MAPPER;

    private LedgerRows() {
    }

    public static DeltaRow delta(String json) {
        JsonNode row = tree(json);
        long count = row.path("vote_count").asLong(0);
        if (count <= 0) {
            throw new MalformedRowException("vote_count must be positive: " + row.path("vote_count"));
        }
        return new DeltaRow(text(row, "delta_id"), text(row, "poll_id"), text(row, "option_id"), count,
                instant(row, "created_at"));
    }

    public static PollRow poll(String json) {
        JsonNode row = tree(json);
        return new PollRow(text(row, "poll_id"), row.path("title").asText(null), options(row.path("options")),
                instant(row, "opens_at"), instant(row, "closes_at"), instant(row, "closed_at"),
                instant(row, "created_at"));
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode row = MAPPER.readTree(json);
            if (row == null || !row.isObject()) {
                throw new MalformedRowException("not a JSON object");
            }
            return row;
        } catch (JsonProcessingException e) {
            throw new MalformedRowException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedRowException("missing " + field);
        }
        return value.asText();
    }

    /** jsonb arrives as JSON text (Debezium's io.debezium.data.Json); an already-parsed array is accepted too. */
    private static List<PollOption> options(JsonNode field) {
        JsonNode array = field;
        if (field.isTextual()) {
            try {
                array = MAPPER.readTree(field.asText());
            } catch (JsonProcessingException e) {
                throw new MalformedRowException("options is not JSON: " + e.getOriginalMessage());
            }
        }
        List<PollOption> options = new ArrayList<>();
        if (array == null || array.isNull() || array.isMissingNode()) {
            return options;
        }
        if (!array.isArray()) {
            throw new MalformedRowException("options is not an array");
        }
        for (JsonNode option : array) {
            options.add(new PollOption(text(option, "id"), option.path("label").asText(null)));
        }
        return options;
    }

    /** Debezium renders timestamptz as ISO-8601 with an offset (ZonedTimestamp); null stays null. */
    private static Instant instant(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (RuntimeException e) {
            throw new MalformedRowException(field + " is not an ISO-8601 timestamp: " + value.asText());
        }
    }
}
