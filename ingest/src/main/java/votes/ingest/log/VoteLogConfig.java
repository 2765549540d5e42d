package votes.ingest.log;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** vote.log.* in application.properties. */
@ConfigMapping(prefix = "vote.log")
public interface VoteLogConfig {

    /** Appends waiting for the broker's ack at once; one more is refused with 503 instead of queued. */
    int maxInFlight();

    /** How long a request waits for the ack before answering 503. */
    Duration sendTimeout();

    /** The Retry-After sent with a 503. */
    Duration retryAfter();

    /** Whether appends try {@link DirectAppend}'s producer from the event loop first; false: always the channel. */
    boolean direct();
}
