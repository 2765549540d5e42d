package votes.ingest.log;

import java.util.concurrent.CompletionStage;

/** How an append to {@code votes.submitted} ended, as far as the waiting request can tell. */
public sealed interface Append {

    /** The broker acknowledged it (acks=all): the vote is durable. */
    record Acked() implements Append {
    }

    /** Not handed to the log: {@code vote.log.max-in-flight} appends already wait for the broker. Nothing appended. */
    record QueueFull() implements Append {
    }

    /** The log refused the record synchronously (the channel is down). Nothing appended. */
    record Refused(String reason) implements Append {
    }

    /**
     * Handed to the log, but not acknowledged within the wait: the producer failed it, or still holds it and may
     * yet deliver it. {@code landed} completes when the producer lets go: true for a late ack (the vote IS on the
     * log), false for a failure.
     */
    record Unacknowledged(String reason, CompletionStage<Boolean> landed) implements Append {
    }
}
