package votes.events.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import votes.events.flag.VoteFlagged;
import votes.events.poll.PollEvent;
import votes.events.poll.PollView;
import votes.events.receipt.AcceptedReceipt;
import votes.events.receipt.PendingReceipt;
import votes.events.tally.Tally;
import votes.events.vote.VoteSubmitted;

/**
 * The wire format of every event: UTF-8 JSON with an explicit {@code schemaVersion}. Readers refuse versions
 * they do not know instead of guessing, so a producer upgrade can never be silently misread by an old ledger.
 * The other values that cross a process (tallies, receipts in Redis and the API, the poll API's bodies) use the same mapper,
 * so every format is written one way.
 */
public final class EventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // The receipt body's chain is an Optional (absent = not applicable, null = not yet covered).
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Newer producers may add fields; an old reader keeps working on the fields it knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Optional members may be absent; the records themselves refuse a missing required one.
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();
    /**
     * A tally is a view, not an event: a count or flag it lacks reads as 0 / false, as its readers always took it
     * (a dashboard shows what it can rather than dropping the poll).
     */
    private static final ObjectReader TALLY = JSON.readerFor(Tally.class)
            .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Votes in the form producers write; anything else goes through data binding, whose verdict stands. */
    private static final PlainVoteReader PLAIN_VOTES = new PlainVoteReader(JSON.getFactory());

    private EventCodec() {
    }

    public static byte[] encode(VoteSubmitted vote) {
        return write(vote);
    }

    public static byte[] encode(PollEvent event) {
        return write(event);
    }

    public static byte[] encode(VoteFlagged flag) {
        return write(flag);
    }

    public static VoteFlagged decodeVoteFlagged(byte[] bytes) {
        VoteFlagged flag = read(bytes, VoteFlagged.class);
        requireVersion(flag.schemaVersion(), VoteFlagged.SCHEMA_VERSION, "VoteFlagged");
        return flag;
    }

    /** A {@code vote-tallies} value. It carries no schemaVersion: its readers accept what they know of it. */
    public static byte[] encode(Tally tally) {
        return write(tally);
    }

    public static Tally decodeTally(byte[] bytes) {
        return read(bytes, Tally.class, () -> TALLY.readValue(bytes));
    }

    /** The ledger's answer about a poll, for clients that create or look up polls over HTTP. */
    public static PollView decodePollView(String json) {
        return fromJson(json, PollView.class);
    }

    /** A receipt as Redis holds it (and the 202 body): JSON text, the form both Redis clients pass around. */
    public static String encode(AcceptedReceipt receipt) {
        return toJson(receipt);
    }

    public static String encode(PendingReceipt receipt) {
        return toJson(receipt);
    }

    public static AcceptedReceipt decodeAcceptedReceipt(String json) {
        return fromJson(json, AcceptedReceipt.class);
    }

    public static PendingReceipt decodePendingReceipt(String json) {
        return fromJson(json, PendingReceipt.class);
    }

    public static VoteSubmitted decodeVote(byte[] bytes) {
        VoteSubmitted plain = bytes == null ? null : PLAIN_VOTES.readOrNull(bytes);
        VoteSubmitted vote = plain != null ? plain : read(bytes, VoteSubmitted.class);
        requireVersion(vote.schemaVersion(), VoteSubmitted.SCHEMA_VERSION, "VoteSubmitted");
        return vote;
    }

    public static PollEvent decodePollEvent(byte[] bytes) {
        PollEvent event = read(bytes, PollEvent.class);
        requireVersion(event.schemaVersion(), PollEvent.SCHEMA_VERSION, event.getClass().getSimpleName());
        return event;
    }

    /** Any other JSON the contract defines (checkpoints, receipts' proofs, export lines), with the same mapper. */
    public static String toJson(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return read(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** The value as a JSON tree, or null when it is not JSON: for telling poison apart (VoteRecords). */
    static JsonNode readTree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void requireVersion(int actual, int known, String type) {
        if (actual != known) {
            throw new EventCodecException(type + " schemaVersion " + actual + " is not supported (known: " + known + ")");
        }
    }

    private static byte[] write(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        return read(bytes, type, () -> JSON.readValue(bytes, type));
    }

    private static <T> T read(byte[] bytes, Class<T> type, JsonRead<T> parse) {
        if (bytes == null || bytes.length == 0) {
            throw new EventCodecException("empty " + type.getSimpleName());
        }
        try {
            return parse.read();
        } catch (IOException | RuntimeException e) {
            // Jackson wraps the records' null checks; either way the bytes are not a valid event.
            throw new EventCodecException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface JsonRead<T> {
        T read() throws IOException;
    }
}
