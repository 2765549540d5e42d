package votes.events.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import votes.events.deadletter.DeadLetterReason;
import votes.events.vote.Storable;
import votes.events.vote.VoteSubmitted;

/**
 * Reads a {@code votes.submitted} value into a {@link VoteRecord}, never failing: the ledger and the audit replay
 * classify every record with this one function, so they agree on which records are poison and on what the
 * {@code malformed} rejection of each keeps. The usual record costs one decode; only poison is looked at again.
 */
public final class VoteRecords {

    /** A decoding error's message can quote the whole record: a header and a log line need only its start. */
    private static final int MAX_DETAIL = 300;

    private VoteRecords() {
    }

    public static VoteRecord read(byte[] value) {
        if (value == null || value.length == 0) {
            return new VoteRecord.Poison(DeadLetterReason.UNDECODABLE, "no value", null, null, null, null, null, value);
        }
        VoteSubmitted vote;
        try {
            vote = EventCodec.decodeVote(value);
        } catch (EventCodecException e) {
            return analyse(value, e);
        }
        List<String> problems = Storable.problems(vote);
        return problems.isEmpty()
                ? new VoteRecord.Vote(vote, value)
                : VoteRecord.Poison.of(vote, DeadLetterReason.MALFORMED, String.join("; ", problems), value);
    }

    /** Why the value did not decode, and whatever it carries that a rejection row can keep. */
    private static VoteRecord.Poison analyse(byte[] value, EventCodecException failure) {
        JsonNode tree = EventCodec.readTree(value);
        if (tree == null || !tree.isObject()) {
            return new VoteRecord.Poison(DeadLetterReason.UNDECODABLE, shorten("not a JSON object: " + failure.getMessage()),
                    null, null, null, null, null, value);
        }
        JsonNode version = tree.get("schemaVersion");
        boolean unknownVersion = version != null && version.canConvertToInt() && version.isIntegralNumber()
                && version.intValue() != VoteSubmitted.SCHEMA_VERSION;
        DeadLetterReason reason = unknownVersion ? DeadLetterReason.UNKNOWN_SCHEMA_VERSION : DeadLetterReason.UNDECODABLE;
        String detail = unknownVersion
                ? "schemaVersion " + version.intValue() + " is not supported (known: " + VoteSubmitted.SCHEMA_VERSION + ")"
                : shorten(failure.getMessage());
        return new VoteRecord.Poison(reason, detail, uuid(tree.get("eventId")), id(tree.get("pollId")),
                id(tree.get("voterId")), id(tree.get("optionId")), instant(tree.get("submittedAt")), value);
    }

    private static UUID uuid(JsonNode node) {
        // Only the canonical form names an event (UUID.fromString is lenient: "1-2-3-4-5" parses).
        return node != null && node.isTextual() ? PlainVoteReader.canonicalUuid(node.textValue()) : null;
    }

    private static String id(JsonNode node) {
        return node != null && node.isTextual() ? Storable.idOrNull(node.textValue()) : null;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return Storable.instantOrNull(Instant.parse(node.textValue()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        String message = String.valueOf(text).replaceAll("\\s+", " ").trim();
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }
}
