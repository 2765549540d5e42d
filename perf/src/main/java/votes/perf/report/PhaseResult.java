package votes.perf.report;

/**
 * One measured phase at one target rate. {@code achievedRate} = responses to measured requests per second of
 * the measured window; {@code latency} covers every measured request (failures too), {@code acceptedLatency}
 * only those answered 202; {@code sendLag} = how late the generator itself sent requests (its own health: if
 * this is large the figure says more about the generator than the server); {@code challenges} = the proof of work
 * the measured requests needed (none unless ingest asked for it).
 */
public record PhaseResult(String label, double targetRate, double measuredSeconds, double achievedRate,
                          LatencySummary latency, LatencySummary acceptedLatency, StatusCounts counts,
                          LatencySummary sendLag, ChallengeCounts challenges) {

    /** A phase that met no challenge. */
    public PhaseResult(String label, double targetRate, double measuredSeconds, double achievedRate,
                       LatencySummary latency, LatencySummary acceptedLatency, StatusCounts counts,
                       LatencySummary sendLag) {
        this(label, targetRate, measuredSeconds, achievedRate, latency, acceptedLatency, counts, sendLag,
                new ChallengeCounts());
    }
}
