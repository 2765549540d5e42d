package votes.system.fault;

import java.time.Duration;

/**
 * What one run of one fault showed: the load's answers, what the ledger holds of the accepted votes, and how long
 * the stack took to catch up once the fault was healed.
 *
 * @param accepted votes answered 202
 * @param recorded of those, recorded in the ledger (each event id at most once: it is unique)
 * @param doubled votes counted more than once anywhere: voters recorded twice, or a published tally above the ledger
 * @param recovery from the end of the fault until every vote accepted before it was recorded and counted by the
 *                 results API
 * @param unavailable answers 503 (the log or the stack could not take the vote: the client retries)
 * @param refused answers that are neither 202 nor 503 (429, 409, 5xx from a dead upstream) and transport failures
 * @param shed of the 503s, those ingest shed as {@code overloaded}
 * @param p99AcceptedMillis the 99th percentile of the 202s' latency (intended start to answer)
 */
record FaultOutcome(String fault, long sent, long accepted, long recorded, long doubled, Duration recovery,
                    long unavailable, long refused, long shed, double p99AcceptedMillis) {

    long lost() {
        return accepted - recorded;
    }
}
