package votes.events.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import votes.events.time.UtcInstants;
import votes.events.vote.ClientFacts;
import votes.events.vote.VoteSubmitted;

/**
 * The ledger's and the audit's fast path through a {@code VoteSubmitted}: the form producers write, read token by
 * token, without data binding's per-record creator buffers and {@code java.time.format} (a profiled catch-up spent
 * about a third of the ledger's CPU in those). It reads only that form: every field once, with the token type the
 * producer writes, nothing after the object. Any other value — valid, odd or broken — gets null, and {@link
 * EventCodec} hands it to data binding, whose verdict stands: so the two can never disagree on what a record means.
 */
final class PlainVoteReader {

    private static final int VERSION = 1;
    private static final int EVENT_ID = 1 << 1;
    private static final int POLL_ID = 1 << 2;
    private static final int VOTER_ID = 1 << 3;
    private static final int OPTION_ID = 1 << 4;
    private static final int SUBMITTED_AT = 1 << 5;
    private static final int IDEMPOTENCY_KEY = 1 << 6;
    private static final int CLIENT = 1 << 7;
    private static final int VOTER_KEY_ID = 1 << 8;
    private static final int REQUIRED = VERSION | EVENT_ID | POLL_ID | VOTER_ID | OPTION_ID | SUBMITTED_AT;
    private static final int UUID_LENGTH = 36;

    private final JsonFactory factory;

    PlainVoteReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** @return the vote, or null when the bytes are not in the plain form (data binding then decides) */
    VoteSubmitted readOrNull(byte[] bytes) {
        try (JsonParser parser = factory.createParser(bytes)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? vote(parser) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static VoteSubmitted vote(JsonParser parser) throws IOException {
        Fields fields = new Fields();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            int field = field(name);
            if ((fields.seen & field) != 0) {
                return null;
            }
            fields.seen |= field;
            if (!fields.read(field, value, parser)) {
                return null;
            }
        }
        return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null ? fields.vote() : null;
    }

    /** What has been read of one vote; {@code seen} has a bit per field met. */
    private static final class Fields {
        int seen;
        int version;
        UUID eventId;
        String pollId;
        String voterId;
        String optionId;
        Instant submittedAt;
        String idempotencyKey;
        ClientFacts client;
        String voterKeyId;

        /**
         * @return false when the value is not of the plain form's type. A required field read as null is refused
         *         later ({@link #vote}); an optional one may be null, so a value of another type is refused here.
         */
        boolean read(int field, JsonToken value, JsonParser parser) throws IOException {
            boolean isNull = value == JsonToken.VALUE_NULL;
            switch (field) {
                case VERSION -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                        return false;
                    }
                    version = parser.getIntValue();
                }
                // Read from the parser's own characters: a String per vote for a value kept as two longs is waste.
                case EVENT_ID -> eventId = value == JsonToken.VALUE_STRING ? canonicalUuid(parser.getTextCharacters(),
                        parser.getTextOffset(), parser.getTextLength()) : null;
                case POLL_ID -> pollId = text(value, parser);
                case VOTER_ID -> voterId = text(value, parser);
                case OPTION_ID -> optionId = text(value, parser);
                case SUBMITTED_AT -> submittedAt = value == JsonToken.VALUE_STRING
                        ? UtcInstants.parseOrNull(parser.getText()) : null;
                case IDEMPOTENCY_KEY -> {
                    return (idempotencyKey = text(value, parser)) != null || isNull;
                }
                case CLIENT -> {
                    return (client = client(value, parser)) != null || isNull;
                }
                case VOTER_KEY_ID -> {
                    return (voterKeyId = text(value, parser)) != null || isNull;
                }
                default -> parser.skipChildren(); // a newer producer's field: ignored, as data binding does
            }
            return true;
        }

        /** The vote, or null when a required field is missing or was not read in the plain form. */
        VoteSubmitted vote() {
            if ((seen & REQUIRED) != REQUIRED || eventId == null || pollId == null || voterId == null
                    || optionId == null || submittedAt == null) {
                return null;
            }
            return new VoteSubmitted(version, eventId, pollId, voterId, optionId, submittedAt, idempotencyKey, client,
                    voterKeyId);
        }
    }

    /** 0 for a field a vote does not have (its "seen" bit is then never set, so repeats of it are fine). */
    private static int field(String name) {
        return switch (name) {
            case "schemaVersion" -> VERSION;
            case "eventId" -> EVENT_ID;
            case "pollId" -> POLL_ID;
            case "voterId" -> VOTER_ID;
            case "optionId" -> OPTION_ID;
            case "submittedAt" -> SUBMITTED_AT;
            case "idempotencyKey" -> IDEMPOTENCY_KEY;
            case "client" -> CLIENT;
            case "voterKeyId" -> VOTER_KEY_ID;
            default -> 0;
        };
    }

    /** The client's facts: an object of strings or nulls; null when it is anything else. */
    private static ClientFacts client(JsonToken start, JsonParser parser) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            return null;
        }
        String[] facts = new String[3];
        boolean[] seen = new boolean[3];
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            int index = switch (name) {
                case "deviceId" -> 0;
                case "addressHash" -> 1;
                case "userAgentHash" -> 2;
                default -> -1;
            };
            if (index < 0) {
                parser.skipChildren();
                continue;
            }
            if (seen[index] || value != JsonToken.VALUE_NULL && value != JsonToken.VALUE_STRING) {
                return null;
            }
            seen[index] = true;
            facts[index] = value == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        return parser.currentToken() == JsonToken.END_OBJECT ? new ClientFacts(facts[0], facts[1], facts[2]) : null;
    }

    private static String text(JsonToken value, JsonParser parser) throws IOException {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    /**
     * A UUID in its canonical 36-character form (ASCII hex digits either case, as Jackson reads it), else null.
     * {@code UUID.fromString} would not do: it takes "1-2-3-4-5" and signed groups.
     */
    static UUID canonicalUuid(String text) {
        return text.length() == UUID_LENGTH ? canonicalUuid(text.toCharArray(), 0, UUID_LENGTH) : null;
    }

    /** {@link #canonicalUuid(String)} over {@code length} characters of {@code chars} from {@code offset}. */
    static UUID canonicalUuid(char[] chars, int offset, int length) {
        if (length != UUID_LENGTH) {
            return null;
        }
        long most = 0;
        long least = 0;
        int nibbles = 0;
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = chars[offset + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int nibble = hexDigit(c);
            if (nibble < 0) {
                return null;
            }
            if (nibbles++ < 16) {
                most = most << 4 | nibble;
            } else {
                least = least << 4 | nibble;
            }
        }
        return new UUID(most, least);
    }

    /** An ASCII hex digit's value, else -1 ({@code Character.digit} also takes non-ASCII digits, and costs more). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
