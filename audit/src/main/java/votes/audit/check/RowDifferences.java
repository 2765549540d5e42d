package votes.audit.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import votes.audit.replay.Expected;

/** How a ledger row differs from the event the replay judged, column by column; empty when it does not. */
final class RowDifferences {

    private RowDifferences() {
    }

    static String of(Expected e, String pollId, String voterId, String optionId, Instant submittedAt, int partition,
                     long offset) {
        List<String> diffs = new ArrayList<>(2);
        // Null-safe: a malformed rejection keeps NULL where its record carried nothing storable.
        if (!Objects.equals(e.pollId(), pollId)) {
            diffs.add("poll_id expected " + e.pollId() + ", found " + pollId);
        }
        if (!Objects.equals(e.voterId(), voterId)) {
            diffs.add("voter_id expected " + e.voterId() + ", found " + voterId);
        }
        if (!Objects.equals(e.optionId(), optionId)) {
            diffs.add("option_id expected " + e.optionId() + ", found " + optionId);
        }
        if (!Objects.equals(e.submittedAt(), submittedAt == null ? null : submittedAt.truncatedTo(ChronoUnit.MICROS))) {
            diffs.add("submitted_at expected " + e.submittedAt() + ", found " + submittedAt);
        }
        if (e.partition() != partition || e.offset() != offset) {
            diffs.add("position expected " + e.partition() + "@" + e.offset() + ", found " + partition + "@" + offset);
        }
        return String.join("; ", diffs);
    }
}
