package votes.perf.pervote;

import java.time.Duration;
import java.util.Locale;
import votes.perf.cost.CpuMeter;
import votes.perf.cost.CpuSample;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.PhaseCost;
import votes.perf.cost.SettleRule;
import votes.perf.cost.Window;
import votes.perf.load.LoadRunner;
import votes.perf.report.PhaseResult;

/**
 * Fixed-rate phases of the open-model generator with the CPU of the measured processes read around each: from just
 * before the first request to the end of the aftermath (the work the phase left queued), no unmeasured warm-up
 * inside the window, so the CPU and the count of accepted votes cover the same requests.
 */
final class LoadPhases {

    private final LoadRunner runner;
    private final CpuMeter meter;
    private final SettleRule settle;
    private final Duration drain;
    private final Duration settleInterval;
    private final Duration settleMax;

    LoadPhases(LoadRunner runner, CpuMeter meter, SettleRule settle, Duration drain, Duration settleInterval,
               Duration settleMax) {
        this.runner = runner;
        this.meter = meter;
        this.settle = settle;
        this.drain = drain;
        this.settleInterval = settleInterval;
        this.settleMax = settleMax;
    }

    /** Load nobody measures: the JIT and the connections warm up. */
    void warm(String label, double rate, Duration duration) {
        report(runner.run(label, rate, Duration.ZERO, duration, drain));
    }

    PhaseCost measure(String label, double rate, Duration duration, IdleBurn idle) {
        CpuSample before = meter.sample();
        PhaseResult result = runner.run(label, rate, Duration.ZERO, duration, drain);
        report(result);
        CpuMeter.Settled after = meter.settle(settle, idle, settleInterval, settleMax);
        Window window = new Window(before, after.sample());
        if (!after.inTime()) {
            Progress.line("%s: the aftermath had not settled after %d s; the figure misses what was still queued",
                    label, settleMax.toSeconds());
        }
        long answered = result.counts().total() - result.counts().unfinished();
        return PhaseCost.of(label, rate, result.counts().accepted(), answered, window, after.inTime(),
                meter.components().names(), idle);
    }

    private static void report(PhaseResult r) {
        Progress.line("%s", String.format(Locale.ROOT, "%s: offered %.0f/s, answered %.0f/s, p99 %.1f ms, 202 p99 %.1f ms, "
                        + "send-lag p99 %.1f ms, counts[%s]", r.label(), r.targetRate(), r.achievedRate(),
                r.latency().p99(), r.acceptedLatency().p99(), r.sendLag().p99(), r.counts()));
    }
}
