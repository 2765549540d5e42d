package votes.kit.trace;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} a record or a row carries onward where no instrumentation does (the ledger's
 * {@code tally_deltas} row, which the relay turns back into a record header). Only a sampled one is worth carrying:
 * an unsampled trace is never exported, so storing it would cost a column for nothing.
 */
public final class Traceparent {

    /** The header's (and the column's) name, as W3C Trace Context and SmallRye's Kafka tracing spell it. */
    public static final String HEADER = "traceparent";
    /** Version 00: version-traceid-parentid-flags, lower-case hex; an all-zero trace or parent id is invalid. */
    private static final Pattern VERSION_00 = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final int SAMPLED = 0x01;

    private Traceparent() {
    }

    /** @return the header's value when it is a well-formed, sampled version-00 traceparent, else null */
    public static String sampled(byte[] header) {
        if (header == null) {
            return null;
        }
        String value = new String(header, StandardCharsets.US_ASCII);
        if (!VERSION_00.matcher(value).matches()) {
            return null;
        }
        int flags = Integer.parseInt(value.substring(value.length() - 2), 16);
        return (flags & SAMPLED) != 0 ? value : null;
    }
}
