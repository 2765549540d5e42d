package votes.realtime.tally;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One poll's running count as projections publish it on {@code vote-tallies} (CONTRACT-issue3 "Tally JSON").
 * {@code version} grows by one with every change, so "newer" is simply a larger version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tally(String pollId, String title, List<TallyOption> options, long totalVotes, long version,
        Instant asOf, @JsonProperty("final") boolean closed) {

    public Tally {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isNewerThan(Tally other) {
        return other == null || version > other.version;
    }

    /** A count per option; {@code label} is null while the poll row has not reached projections yet. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TallyOption(String optionId, String label, long votes) {
    }
}
