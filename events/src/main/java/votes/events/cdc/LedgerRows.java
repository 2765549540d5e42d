package votes.events.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.poll.PollOption;

/**
 * The rows of {@code tally_deltas} and {@code polls} as the CDC relay publishes them on {@code ledger.tally-deltas}
 * and {@code ledger.polls}: Debezium's {@code ExtractNewRecordState}, schemas off, one flat object with the
 * table's snake_case columns. Reading fails with {@link MalformedRowException} on a row that cannot be a ledger
 * row. Writing renders a row the way Debezium does (timestamptz as ISO-8601 in UTC, jsonb as JSON text), for
 * producers that stand in for the relay.
 */
public final class LedgerRows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LedgerRows() {
    }

    public static DeltaRow delta(String json) {
        JsonNode row = tree(json);
        // Negative: a void subtracts (tally_deltas CHECK vote_count <> 0); 0 or a missing count is no row the
        // ledger writes.
        long count = row.path("vote_count").asLong(0);
        if (count == 0) {
            throw new MalformedRowException("vote_count must not be 0: " + row.path("vote_count"));
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

    public static String json(DeltaRow delta) {
        ObjectNode row = NODES.objectNode()
                .put("delta_id", delta.deltaId())
                .put("poll_id", delta.pollId())
                .put("option_id", delta.optionId())
                .put("vote_count", delta.voteCount());
        row.set("created_at", timestamp(delta.createdAt()));
        return EventCodec.toJson(row);
    }

    public static String json(PollRow poll) {
        ObjectNode row = NODES.objectNode().put("poll_id", poll.pollId()).put("title", poll.title())
                .put("options", jsonb(poll.options()));
        row.set("opens_at", timestamp(poll.opensAt()));
        row.set("closes_at", timestamp(poll.closesAt()));
        row.set("closed_at", timestamp(poll.closedAt()));
        row.set("created_at", timestamp(poll.createdAt()));
        return EventCodec.toJson(row);
    }

    private static JsonNode tree(String json) {
        JsonNode row;
        try {
            row = EventCodec.fromJson(json, JsonNode.class);
        } catch (EventCodecException e) {
            throw new MalformedRowException("not JSON: " + e.getMessage());
        }
        if (row == null || !row.isObject()) {
            throw new MalformedRowException("not a JSON object");
        }
        return row;
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
                array = EventCodec.fromJson(field.asText(), JsonNode.class);
            } catch (EventCodecException e) {
                throw new MalformedRowException("options is not JSON: " + e.getMessage());
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

    /** PostgreSQL's text form of the jsonb the ledger stores: keys shortest first, a space after ':' and ','. */
    private static String jsonb(List<PollOption> options) {
        List<String> objects = new ArrayList<>(options.size());
        for (PollOption option : options) {
            objects.add("{\"id\": " + EventCodec.toJson(option.id()) + ", \"label\": "
                    + EventCodec.toJson(option.label()) + "}");
        }
        return "[" + String.join(", ", objects) + "]";
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

    private static JsonNode timestamp(Instant at) {
        return at == null ? NODES.nullNode()
                : NODES.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
    }
}
