package votes.events.tally;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A poll's live result: the value of the compacted {@code vote-tallies} topic, keyed by poll id. Projections
 * writes it, realtime and the audit read it ({@link votes.events.codec.EventCodec#encode(Tally)}).
 * {@code version} grows by one with every change, so "newer" is simply a larger version; {@code title} and
 * labels are null until the poll row reached projections; {@code closed} is the JSON field {@code final}
 * (a Java keyword).
 */
public record Tally(String pollId, String title, List<TallyOption> options, long totalVotes, long version,
                    Instant asOf, @JsonProperty("final") boolean closed) {

    public Tally {
        // A reader keeps working on a tally without options: it simply shows none.
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Nothing counted, nothing known: the state before a poll's first row. Never published. */
    public static Tally none(String pollId) {
        return new Tally(pollId, null, List.of(), 0, 0, null, false);
    }

    public long votesFor(String optionId) {
        for (TallyOption option : options) {
            if (option.optionId().equals(optionId)) {
                return option.votes();
            }
        }
        return 0;
    }

    public boolean isNewerThan(Tally other) {
        return other == null || version > other.version;
    }

    /** Same content, ignoring version and asOf: whether a new row changed anything worth a version. */
    public boolean sameContent(Tally other) {
        return other != null && pollId.equals(other.pollId) && Objects.equals(title, other.title)
                && options.equals(other.options) && totalVotes == other.totalVotes && closed == other.closed;
    }
}
