package votes.ingest.log;

import java.time.Duration;

/** How an append to {@code votes.submitted} ended. */
public sealed interface Append {

    /** The broker acknowledged it (acks=all): the vote is durable. */
    record Acked() implements Append {
    }

    /** Not acknowledged (refused up front, failed, or too slow): the client should retry later. */
    record Unavailable(String reason, Duration retryAfter) implements Append {
    }
}
