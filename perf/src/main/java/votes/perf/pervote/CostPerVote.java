package votes.perf.pervote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.perf.cost.Components;
import votes.perf.cost.CpuMeter;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.PhaseCost;
import votes.perf.cost.SettleRule;
import votes.perf.cost.SteadyRule;
import votes.perf.floor.FloorCost;
import votes.perf.load.AdminPolls;
import votes.perf.load.Durations;
import votes.perf.load.LoadRunner;
import votes.perf.load.LoopbackOnly;
import votes.perf.load.Targets;
import votes.perf.load.VoterTokens;

/**
 * CPU per accepted vote, per component of a running stack (issue 12, item 1): the idle burn of each component's
 * process tree, then fixed-rate vote phases through the gateway with the trees' CPU read around each (idle burn
 * subtracted), then the floor — what the parts cost alone — in the same run ({@link Floors}). Prints tables and
 * COST / FLOOR / FLOOR_RATIO lines; a progress line per phase on stderr.
 */
@Command(name = "cost-per-vote", mixinStandardHelpOptions = true, sortOptions = false,
        description = "CPU per accepted vote by component (µs), against the floor measured in the same run. "
                + "perf/run-cost.sh brings a stack up and runs this.")
public final class CostPerVote implements Callable<Integer> {

    @Option(names = "--component", required = true, paramLabel = "NAME=PID",
            description = "A measured process tree (repeatable, report order), e.g. kafka=1234 (./vote pid kafka).")
    List<String> components;

    @Option(names = "--url", required = true, description = "Where votes and polls go: the gateway (loopback only).")
    String url;

    @Option(names = "--private-key", required = true, description = "The stack's signing key: voter and admin tokens.")
    Path privateKey;

    @Option(names = "--issuer", defaultValue = "https://votes.local/dev")
    String issuer;

    @Option(names = "--voters", defaultValue = "5000", description = "Distinct voters. Default ${DEFAULT-VALUE}.")
    int voters;

    @Option(names = "--polls", defaultValue = "40", description = "Polls created; voters x polls bounds the run's votes.")
    int polls;

    @Option(names = "--tokens-cache", description = "Reuse/write minted voter tokens in this file.")
    Path tokensCache;

    @Option(names = "--rates", split = ",", defaultValue = "500,1500", description = "Fixed vote rates measured (per s).")
    List<Double> rates;

    @Option(names = "--max-rate", defaultValue = "4000",
            description = "The last phase, labelled max: an offered rate beyond what the stack accepts (0 = none).")
    double maxRate;

    @Option(names = "--duration", defaultValue = "20s", converter = Durations.class, description = "Each phase's sending time.")
    Duration duration;

    @Option(names = "--warmup-rates", split = ",", defaultValue = "100,400",
            description = "Unmeasured load first, a --warmup at each rate: a just-started stack sheds and stalls "
                    + "until the JIT and its connections are warm.")
    List<Double> warmupRates;

    @Option(names = "--warmup", defaultValue = "20s", converter = Durations.class)
    Duration warmup;

    @Option(names = "--quiet-max", defaultValue = "60s", converter = Durations.class,
            description = "After the warm-up, wait at most this long for the stack's burn to stop falling.")
    Duration quietMax;

    @Option(names = "--steady-window", defaultValue = "5s", converter = Durations.class)
    Duration steadyWindow;

    @Option(names = "--steady-ratio", defaultValue = "0.9",
            description = "Quiet once a window burns at least this x the window before (it stopped falling)...")
    double steadyRatio;

    @Option(names = "--quiet-ms", defaultValue = "150", description = "... or at most this many ms of CPU per second.")
    double quietMs;

    @Option(names = "--idle", defaultValue = "20s", converter = Durations.class, description = "Idle burn window.")
    Duration idle;

    @Option(names = "--drain", defaultValue = "15s", converter = Durations.class,
            description = "After a phase's last send, wait this long for answers (the rest count as unfinished).")
    Duration drain;

    @Option(names = "--settle-factor", defaultValue = "2",
            description = "A phase's aftermath is over once the stack burns <= this x its idle burn (+ slack) for 1 s.")
    double settleFactor;

    @Option(names = "--settle-slack-ms", defaultValue = "20", description = "ms of CPU per second added to that bound.")
    double settleSlackMs;

    @Option(names = "--settle-max", defaultValue = "45s", converter = Durations.class)
    Duration settleMax;

    @Option(names = "--connections", defaultValue = "256")
    int connections;

    @Option(names = "--event-loops", defaultValue = "1")
    int eventLoops;

    @Option(names = "--local-addresses", split = ",", defaultValue = "127.1.0.1+64",
            description = "Loopback source addresses (the gateway caps connections per client address).")
    List<String> localAddresses;

    @Option(names = "--clock-ticks", defaultValue = "100", description = "getconf CLK_TCK: /proc's unit of CPU time.")
    long clockTicks;

    @Option(names = "--proc", defaultValue = "/proc", hidden = true)
    Path proc;

    @Mixin
    Floors floors = new Floors();

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new CostPerVote(), args));
    }

    @Override
    public Integer call() throws Exception {
        URI target = LoopbackOnly.check(url);
        CpuMeter meter = new CpuMeter(Components.parse(components), proc, clockTicks);
        List<String> tokens = VoterTokens.cachedOrMinted(tokensCache, privateKey, issuer, "c-", voters);
        String admin = VoterTokens.mint(privateKey, issuer, "perf-admin-", 1, List.of("admin")).get(0);
        List<String> pollIds = AdminPolls.create(url, admin, polls, "perf cost " + Instant.now());
        Progress.line("%d voter tokens, %d polls created through %s", tokens.size(), pollIds.size(), url);
        SettleRule rule = new SettleRule(settleFactor, settleSlackMs * 1e3);
        SteadyRule steadyRule = new SteadyRule(steadyRatio, quietMs * 1e3);
        IdleBurn idleBurn;
        List<PhaseCost> phases = new ArrayList<>();
        try (LoadRunner runner = new LoadRunner(target, tokens, new Targets(pollIds, voters), "a", eventLoops,
                connections, Duration.ofSeconds(10), Long.MAX_VALUE, 0, votes.perf.load.AnswerListener.NONE,
                localAddresses)) {
            LoadPhases load = new LoadPhases(runner, meter, rule, drain, Duration.ofSeconds(1), settleMax);
            for (double rate : warmupRates) {
                Progress.line("warm-up: %.0f votes/s for %d s (not measured)", rate, warmup.toSeconds());
                load.warm("warm-up", rate, warmup);
            }
            boolean steady = meter.awaitSteady(steadyRule, steadyWindow, quietMax);
            Progress.line("stack %s", steady ? "quiet" : "NOT quiet after " + quietMax.toSeconds() + " s");
            Progress.line("idle burn over %d s", idle.toSeconds());
            idleBurn = meter.idle(idle);
            Progress.line("idle: %.1f ms of CPU per second in all", idleBurn.total() / 1e3);
            for (Level level : levels()) {
                Progress.line("phase %s: %.0f votes/s offered for %d s", level.label(), level.rate(), duration.toSeconds());
                phases.add(load.measure(level.label(), level.rate(), duration, idleBurn));
                Progress.line("phase %s: %.0f µs per accepted vote in total", level.label(),
                        phases.get(phases.size() - 1).total());
            }
        }
        List<FloorCost> floor = floors.measure(meter, idleBurn, tokens, privateKey, issuer, rule, steadyRule);
        List<PhaseCost> bareAt = floors.bareAtRates(meter, tokens, rule, steadyRule);
        System.out.print(new CostReport(meter.components().names(), idleBurn, phases, floor, bareAt).render());
        return 0;
    }

    private record Level(String label, double rate) {
    }

    private List<Level> levels() {
        List<Level> all = new ArrayList<>();
        rates.forEach(r -> all.add(new Level(String.format(java.util.Locale.ROOT, "%.0f/s", r), r)));
        if (maxRate > 0) {
            all.add(new Level("max", maxRate));
        }
        return all;
    }
}
