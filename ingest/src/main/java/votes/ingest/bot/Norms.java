package votes.ingest.bot;

import java.time.Duration;
import java.util.List;

/**
 * What turns raw signals into features in [0, 1]: the counts at which a velocity is "fully" suspicious (the rate
 * limits, and vote.bot.*'s own scales), the token age below which a token is fresh, and what a browser's hashing
 * speed is. Plain values so the extraction is a unit test.
 */
record Norms(long addressLimit, long prefixLimit, long deviceLimit, long userAgentScale, long bulkMintScale,
             Duration freshToken, int minArrivals, double humanArrivalCv, double browserHashesPerSecond,
             List<String> automationMarkers, long skewMinVotes) {
}
