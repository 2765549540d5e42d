package votes.projections.tally;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A poll's live result, the value of {@code vote-tallies} (CONTRACT-issue3.md). {@code version} grows by one
 * with every change; {@code title} and labels are null until the poll row arrived; {@code closed} is the
 * JSON field {@code final} (a Java keyword).
 */
public record Tally(String pollId, String title, List<TallyOption> options, long totalVotes, long version,
                    Instant asOf, @JsonProperty("final") boolean closed) {

    public Tally {
        options = List.copyOf(options);
    }

    /** Nothing counted, nothing known: the state before a poll's first row. Never published. */
    static Tally none(String pollId) {
        return new Tally(pollId, null, List.of(), 0, 0, null, false);
    }

    long votesFor(String optionId) {
        for (TallyOption option : options) {
            if (option.optionId().equals(optionId)) {
                return option.votes();
            }
        }
        return 0;
    }

    /** Same content, ignoring version and asOf: whether a new row changed anything worth a version. */
    boolean sameContent(Tally other) {
        return other != null && pollId.equals(other.pollId) && Objects.equals(title, other.title)
                && options.equals(other.options) && totalVotes == other.totalVotes && closed == other.closed;
    }
}
