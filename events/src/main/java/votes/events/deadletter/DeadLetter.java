package votes.events.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where a dead letter came from and why, as the headers of its {@code votes.dead-letter} record. The record itself
 * carries the original key and value, byte for byte, and the original headers (those without the
 * {@value #PREFIX} prefix), so an operator can append it to its topic again once the cause is fixed.
 * (source topic, partition, offset) names a dead letter: the ledger writes them at least once, so a reader keys
 * them by that.
 *
 * @param eventId the event id the record carries, or null when it carries none that parses
 * @param detail one line for a human: which field, which SQLSTATE
 */
public record DeadLetter(String sourceTopic, int partition, long offset, DeadLetterReason reason, String detail,
                         UUID eventId) {

    public static final String PREFIX = "dead-letter.";
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";
    public static final String REASON = PREFIX + "reason";
    public static final String DETAIL = PREFIX + "detail";
    public static final String EVENT_ID = PREFIX + "event-id";

    /** "votes.submitted 3@1234" */
    public String source() {
        return sourceTopic + " " + partition + "@" + offset;
    }

    /** The headers this letter adds to the original ones, in a stable order. */
    public Map<String, byte[]> headers() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(TOPIC, bytes(sourceTopic));
        headers.put(PARTITION, bytes(Integer.toString(partition)));
        headers.put(OFFSET, bytes(Long.toString(offset)));
        headers.put(REASON, bytes(reason.slug()));
        headers.put(DETAIL, bytes(detail == null ? "" : detail));
        if (eventId != null) {
            headers.put(EVENT_ID, bytes(eventId.toString()));
        }
        return headers;
    }

    /**
     * Reads a letter back from a dead-letter record's headers.
     *
     * @param lastHeader the last value of a header, or null when the record has none
     * @throws IllegalArgumentException when a required header is missing or unreadable: not a letter of ours
     */
    public static DeadLetter fromHeaders(Function<String, byte[]> lastHeader) {
        String topic = required(lastHeader, TOPIC);
        try {
            int partition = Integer.parseInt(required(lastHeader, PARTITION));
            long offset = Long.parseLong(required(lastHeader, OFFSET));
            DeadLetterReason reason = DeadLetterReason.fromSlug(required(lastHeader, REASON));
            byte[] detail = lastHeader.apply(DETAIL);
            byte[] eventId = lastHeader.apply(EVENT_ID);
            return new DeadLetter(topic, partition, offset, reason,
                    detail == null ? "" : new String(detail, StandardCharsets.UTF_8),
                    eventId == null ? null : UUID.fromString(new String(eventId, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a dead letter: " + e.getMessage(), e);
        }
    }

    private static String required(Function<String, byte[]> lastHeader, String name) {
        byte[] value = lastHeader.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("not a dead letter: no " + name + " header");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
