package votes.events.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param voidedAt a recorded vote voided since by a confirmed fraud flag: the void's {@code voidedAt}; else null (and
 *                 absent from the JSON line, so readers of the older format are unaffected)
 * @param voidReason the void's reason, null unless voided
 */
public record ExportLine(String status, UUID eventId, String pollId, String voterId, String optionId, String reason,
                         Instant submittedAt, Instant decidedAt, int partition, long offset, Long leafIndex,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant voidedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String voidReason) {

    @JsonCreator
    public ExportLine {
    }

    /** An entry that was never voided (a rejection, or a vote nothing voided). */
    public ExportLine(String status, UUID eventId, String pollId, String voterId, String optionId, String reason,
                      Instant submittedAt, Instant decidedAt, int partition, long offset, Long leafIndex) {
        this(status, eventId, pollId, voterId, optionId, reason, submittedAt, decidedAt, partition, offset, leafIndex,
                null, null);
    }

    public static final String RECORDED = "recorded";
    public static final String REJECTED = "rejected";
    /** The characters that make a spreadsheet read a cell as a formula (or, tab and CR, hide that it is one). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public static String csvHeader() {
        return "status,eventId,pollId,voterId,optionId,reason,submittedAt,decidedAt,partition,offset,leafIndex,"
                + "voidedAt,voidReason";
    }

    public String csv() {
        return Stream.of(status, eventId, pollId, voterId, optionId, reason, submittedAt, decidedAt, partition, offset,
                        leafIndex, voidedAt, voidReason)
                .map(ExportLine::csvField)
                .collect(Collectors.joining(","));
    }

    public String jsonl() {
        return EventCodec.toJson(this);
    }

    /**
     * RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes; null is empty. Text (ids and
     * reasons that came from clients, e.g. an option id {@code -1+2}) starting with a formula character gets a
     * leading {@code '} first (OWASP "CSV injection"), so a spreadsheet shows it instead of evaluating it. Only CSV,
     * made for people, is changed: JSONL, the format programs read back, keeps every value byte for byte.
     */
    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof String free ? neutralised(free) : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The characters that make a spreadsheet read a cell as a formula (or, tab and CR, hide that it is one). */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

}
