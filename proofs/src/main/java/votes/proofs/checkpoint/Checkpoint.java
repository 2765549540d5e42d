package votes.proofs.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ledger's signed statement "these are my logs' heads at this time". Signed over {@link #signedBytes()}, a
 * small text note in the spirit of C2SP's tlog checkpoints, extended to several logs (one per partition):
 * <pre>
 * votes-ledger checkpoint v1
 * origin &lt;origin&gt;
 * sequence &lt;n&gt;
 * issued-at &lt;ISO-8601 instant&gt;
 * log &lt;id&gt; &lt;size&gt; &lt;root hex&gt;      (one line per log, by id)
 * </pre>
 */
public record Checkpoint(String origin, long sequence, Instant issuedAt, List<LogHead> logs) {

    public static final String HEADER = "votes-ledger checkpoint v1";

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isBlank() || origin.contains("\n") || origin.contains("\r")) {
            throw new IllegalArgumentException("an origin is one non-blank line");
        }
        // Microseconds: what PostgreSQL keeps, so a stored checkpoint signs the same bytes as the one issued.
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.MICROS);
        logs = logs.stream().sorted(Comparator.comparingInt(LogHead::log)).toList();
        if (logs.stream().map(LogHead::log).distinct().count() != logs.size()) {
            throw new IllegalArgumentException("a checkpoint names each log once: " + logs);
        }
    }

    @JsonIgnore
    public byte[] signedBytes() {
        StringBuilder note = new StringBuilder()
                .append(HEADER).append('\n')
                .append("origin ").append(origin).append('\n')
                .append("sequence ").append(sequence).append('\n')
                .append("issued-at ").append(issuedAt).append('\n');
        for (LogHead head : logs) {
            note.append("log ").append(head.log()).append(' ').append(head.size()).append(' ').append(head.root())
                    .append('\n');
        }
        return note.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The head of one log, or null if the checkpoint has none for it (no vote recorded there yet). */
    public LogHead log(int log) {
        return logs.stream().filter(head -> head.log() == log).findFirst().orElse(null);
    }
}
