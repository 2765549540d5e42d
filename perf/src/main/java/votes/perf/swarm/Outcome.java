package votes.perf.swarm;

/** How a vote of the swarm ended, as the report counts it (a flag is counted apart: it comes with a 202). */
public enum Outcome {
    /** 202: on the log. */
    ACCEPTED,
    /** 429: a rate limit refused it. */
    REFUSED,
    /** 403 challenge-required, and the client would not (or could no longer) pay. */
    UNSOLVED,
    /** Any other answer (409, 503, 401...): neither stopped by the defence nor accepted. */
    OTHER,
    /** No answer at all (connection refused, timeout). */
    FAILED
}
