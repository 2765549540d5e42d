package votes.ingest.overload;

/** Why a vote was answered 503 overloaded without being appended: the {@code reason} tag of votes_shed_total. */
public enum ShedReason {
    /** The event loop already works on {@code vote.overload.max-concurrent-per-loop} vote requests. */
    CONCURRENCY("concurrency", "too many votes in progress"),
    /** The event loop already works on {@code vote.overload.max-before-log-per-loop} votes not yet handed to the log. */
    BEHIND("behind", "the server is behind on the votes in progress"),
    /** {@code vote.log.max-in-flight} appends already wait for the broker. */
    APPEND_QUEUE("append-queue", "too many votes waiting for the log"),
    /** The request's deadline passed before its vote was handed to the log. */
    DEADLINE("deadline", "the vote could not be handled in time");

    private final String tag;
    private final String why;

    ShedReason(String tag, String why) {
        this.tag = tag;
        this.why = why;
    }

    public String tag() {
        return tag;
    }

    /** The problem's detail: why, and that nothing was stored (the vote was never handed to the log). */
    public String detail() {
        return why + "; nothing was stored: try again after Retry-After";
    }
}
