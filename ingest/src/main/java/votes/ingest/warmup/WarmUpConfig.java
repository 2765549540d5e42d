package votes.ingest.warmup;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code vote.warm-up.*}: the vote path run before readiness (application.properties explains each). */
@ConfigMapping(prefix = "vote.warm-up")
public interface WarmUpConfig {

    /** Votes for a poll that does not exist, over all event loops; 0 = no warm-up. */
    int votes();

    /** Requests to itself once the HTTP server listens, answered 401 (their token fails the signature); 0 = none. */
    int requests();

    /** Of them (votes, then requests) in progress at once on each event loop. */
    int inFlightPerLoop();

    /** Readiness goes up after this even if the warm-up has not finished (a slow Redis must not keep a pod out). */
    Duration maxTime();
}
