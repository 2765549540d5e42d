package votes.events.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL can store of a vote, decided before it is asked: a record the database would refuse for its data
 * (SQLSTATE class 22 or 54) must be judged {@code malformed} by the ledger and the replay alike, not retried for
 * ever. Pure, so both reach the same verdict from the same bytes.
 *
 * <p>The limits: {@code text} cannot hold U+0000; an unpaired UTF-16 surrogate has no UTF-8 form (the driver would
 * silently store a '?', and the row would no longer match the log); an id longer than {@link #MAX_ID_LENGTH}
 * characters could overflow a btree entry of {@code UNIQUE (poll_id, voter_id)} (~2.7 kB); timestamps outside
 * years 1–9999 are outside what the ledger's clients all read back (PostgreSQL itself goes further).
 */
public final class Storable {

    /** Ingest's poll ids are ≤ 100 characters and voter ids 64 hex digits: this bound only stops forged records. */
    public static final int MAX_ID_LENGTH = 256;
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Storable() {
    }

    /** Every field of the vote the ledger would store that it cannot; empty when the vote is storable. */
    public static List<String> problems(VoteSubmitted vote) {
        List<String> problems = new ArrayList<>(0);
        text("pollId", vote.pollId(), problems);
        text("voterId", vote.voterId(), problems);
        text("optionId", vote.optionId(), problems);
        if (!instant(vote.submittedAt())) {
            problems.add("submittedAt " + vote.submittedAt() + " is outside years 1-9999");
        }
        return problems;
    }

    /** The value if the ledger can store it as an id, else null: what a rejection row of a malformed record keeps. */
    public static String idOrNull(String value) {
        return value != null && textProblem(value) == null ? value : null;
    }

    public static Instant instantOrNull(Instant value) {
        return value != null && instant(value) ? value : null;
    }

    private static boolean instant(Instant value) {
        return !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
    }

    private static void text(String field, String value, List<String> problems) {
        String problem = textProblem(value);
        if (problem != null) {
            problems.add(field + " " + problem);
        }
    }

    private static String textProblem(String value) {
        if (value.length() > MAX_ID_LENGTH) {
            return "has " + value.length() + " characters (at most " + MAX_ID_LENGTH + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Nearly every character of an id is neither NUL nor a surrogate: settled first (three ids per vote).
            if (c != '\u0000' && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (c == '\u0000') {
                return "holds a NUL character at index " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired UTF-16 surrogate at index " + i;
            }
        }
        return null;
    }
}
