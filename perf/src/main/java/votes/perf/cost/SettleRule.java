package votes.perf.cost;

import java.util.List;

/**
 * When a load phase's aftermath is over: the ledger, relay, projections and realtime work through what the phase left
 * queued after its last answer, and that CPU belongs to the phase. Settled once the components together burn no more
 * than {@code factor} × their idle burn plus {@code slackMicrosPerSecond} over one sampling interval.
 */
public record SettleRule(double factor, double slackMicrosPerSecond) {

    public boolean settled(Window lastInterval, List<String> components, IdleBurn idle) {
        double burn = SteadyRule.total(lastInterval, components);
        return burn <= factor * idle.total() + slackMicrosPerSecond;
    }
}
