package votes.ingest.bot;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** vote.bot.* in application.properties; the comments there say what each knob trades and why a weight is what it is. */
@ConfigMapping(prefix = "vote.bot")
public interface BotConfig {

    /** The logit of a vote with every feature at 0. */
    double bias();

    /** Per feature slug ({@link Feature#slug()}): the log-odds a fully present feature adds. */
    Map<String, Double> weights();

    double challengeThreshold();

    double flagThreshold();

    double refuseThreshold();

    int difficultyFloor();

    int difficultyMax();

    int proofSlackBits();

    /** Retry-After of a 429 bot-score. */
    Duration refuseRetryAfter();

    /**
     * Whether a sliding-log limit (address, prefix, device) that refuses a vote flags the votes it admitted within its
     * window: what a farm got in under the limit goes to review.
     */
    boolean flagOverLimit();

    /** Reasons a score names at most. */
    int maxReasons();

    int arrivalsKept();

    int minArrivals();

    double humanArrivalCv();

    long userAgentScale();

    long bulkMintScale();

    Duration freshToken();

    /** How long the count of votes per token-issue second lives: a token's longest life. */
    Duration mintWindow();

    double browserHashesPerSecond();

    /** Accepted votes a prefix needs in a poll before its option skew speaks. */
    long skewMinVotes();

    /** How long a poll's option tallies (the skew's) live after their last vote. */
    Duration skewWindow();

    List<String> automationMarkers();
}
