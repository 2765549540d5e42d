package votes.events.export;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import votes.events.codec.EventCodec;

/**
 * One ledger entry of a poll as exported (the ledger's {@code /export} and {@code audit export} print the same):
 * a recorded vote (with its leaf index) or a rejection (with its reason).
 *
 * @param decidedAt when the ledger recorded or rejected it
 * @param leafIndex the vote's index in the Merkle log of its partition; null for rejections
 */
public record ExportLine(String status, UUID eventId, String pollId, String voterId, String optionId, String reason,
                         Instant submittedAt, Instant decidedAt, int partition, long offset, Long leafIndex) {

    public static final String RECORDED = "recorded";
    public static final String REJECTED = "rejected";

    public static String csvHeader() {
        return "status,eventId,pollId,voterId,optionId,reason,submittedAt,decidedAt,partition,offset,leafIndex";
    }

    public String csv() {
        return Stream.of(status, eventId, pollId, voterId, optionId, reason, submittedAt, decidedAt, partition, offset,
                        leafIndex)
                .map(ExportLine::csvField)
                .collect(Collectors.joining(","));
    }

    public String jsonl() {
        return EventCodec.toJson(this);
    }

    /** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes; null is empty. */
    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
