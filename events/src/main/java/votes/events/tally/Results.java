package votes.events.tally;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The results API's body (and each SSE frame's): a tally as the public sees it, with each option's share. realtime
 * writes it; browsers, the gateway's relay (frames, untouched), perf and the system tests read it.
 */
@JsonPropertyOrder({"pollId", "totalVotes", "options", "version", "asOf", "final"})
public record Results(String pollId, long totalVotes, List<OptionResult> options, long version, Instant asOf,
        @JsonProperty("final") boolean closed) {

    @JsonPropertyOrder({"optionId", "label", "votes", "percentage"})
    public record OptionResult(String optionId, String label, long votes, double percentage) {
    }

    public static Results of(Tally tally) {
        List<OptionResult> options = tally.options().stream()
                .map(o -> new OptionResult(o.optionId(), o.label(), o.votes(), percentage(o.votes(), tally.totalVotes())))
                .toList();
        return new Results(tally.pollId(), tally.totalVotes(), options, tally.version(), tally.asOf(), tally.closed());
    }

    /**
     * Share of the total in percent, rounded half-up to one decimal, 0 when nobody voted yet. Decimal
     * arithmetic, so 0.05 boundaries round the way a person checking by hand expects (doubles would not).
     */
    public static double percentage(long votes, long total) {
        if (total <= 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(votes).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
