package votes.perf.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.perf.report.LatencySummary;
import votes.perf.report.Medians;
import votes.perf.report.OverloadGoal;
import votes.perf.report.PhaseResult;
import votes.perf.report.Slo;
import votes.perf.report.Table;

/**
 * Open-model vote load: POST /api/v1/polls/{poll}/votes at a constant arrival rate, each request a first vote of
 * a distinct (poll, voter), latency from the intended start. Fixed-rate mode (--rate, --runs) or --step search
 * for the highest rate meeting the SLO. Prints a table and machine-readable RESULT / MAX_SUSTAINED lines.
 */
@Command(name = "vote-load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open-model (constant arrival rate) vote load against 127.0.0.1 only.")
public final class VoteLoad implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "Target base URL, e.g. http://127.0.0.1:8081 (loopback only).")
    String url;

    @Option(names = "--poll", description = "Poll id to vote in (repeatable); voters are reused once per poll.")
    List<String> polls = new ArrayList<>();

    @Option(names = "--create-polls", description = "Create this many open polls first (admin API at --admin-url).")
    int createPolls;

    @Option(names = "--admin-url", description = "Where POST /api/v1/polls is served (default: --url).")
    String adminUrl;

    @Option(names = "--voters", defaultValue = "20000", description = "Distinct voters (tokens). Default ${DEFAULT-VALUE}.")
    int voters;

    @Option(names = "--tokens-file", description = "Voter tokens, one per line (e.g. ./vote token --count N --prefix p- > f).")
    Path tokensFile;

    @Option(names = "--private-key", description = "Dev signing key (VOTE_HOME/keys/jwt-private.pem): mint tokens here.")
    Path privateKey;

    @Option(names = "--issuer", defaultValue = "https://votes.local/dev")
    String issuer;

    @Option(names = "--voter-prefix", defaultValue = "p-", description = "Token subjects: prefix + index.")
    String voterPrefix;

    @Option(names = "--tokens-cache", description = "Reuse/write minted tokens in this file.")
    Path tokensCache;

    @Option(names = "--option", defaultValue = "a", description = "optionId sent in every vote.")
    String optionId;

    @Option(names = "--rate", defaultValue = "1000", description = "Requests per second (fixed-rate mode).")
    double rate;

    @Option(names = "--warmup", defaultValue = "5s", converter = Durations.class)
    Duration warmup;

    @Option(names = "--duration", defaultValue = "20s", converter = Durations.class, description = "Measured window per phase.")
    Duration duration;

    @Option(names = "--runs", defaultValue = "1", description = "Fixed-rate mode: repeat the phase, report medians.")
    int runs;

    @Option(names = "--step", description = "Search the highest rate with p99 < --slo-p99-ms and errors < --slo-errors.")
    boolean step;

    @Option(names = "--step-start", defaultValue = "1000")
    double stepStart;

    @Option(names = "--step-growth", defaultValue = "1.5")
    double stepGrowth;

    @Option(names = "--step-max", defaultValue = "100000")
    double stepMax;

    @Option(names = "--step-resolution", defaultValue = "0.1", description = "Stop bisecting within this fraction.")
    double stepResolution;

    @Option(names = "--max-steps", defaultValue = "10")
    int maxSteps;

    @Option(names = "--overload-factor", defaultValue = "0",
            description = "After the search (or taking --rate as the max sustained rate), run --runs phases at this "
                    + "multiple of it and report the shed fraction and the 202s' percentiles (0 = off).")
    double overloadFactor;

    @Option(names = "--overload-warmup", converter = Durations.class, description = "Overload phases' warm-up (default: --warmup).")
    Duration overloadWarmup;

    @Option(names = "--overload-duration", converter = Durations.class,
            description = "Overload phases' measured window (default: --duration).")
    Duration overloadDuration;

    @Option(names = "--overload-p99-ms", defaultValue = "200", description = "Overload goal: the 202s' p99 stays below.")
    double overloadP99;

    @Option(names = "--settle", defaultValue = "10s", converter = Durations.class,
            description = "Pause before the overload phase: lets the backlog of the last search step drain.")
    Duration settle;

    @Option(names = "--slo-p99-ms", defaultValue = "100")
    double sloP99;

    @Option(names = "--slo-errors", defaultValue = "0.001")
    double sloErrors;

    @Option(names = "--connections", defaultValue = "256", description = "Total HTTP/1.1 connections (bounded pool).")
    int connections;

    @Option(names = "--local-addresses", split = ",", defaultValue = "127.0.0.1",
            description = "Loopback source addresses the connections are spread over, so a per-address cap (the"
                    + " gateway's) sees many clients: a.b.c.d, or a.b.c.d+N for N consecutive ones.")
    List<String> localAddresses;

    @Option(names = "--event-loops", defaultValue = "1", description = "Generator event loops.")
    int eventLoops;

    @Option(names = "--timeout", defaultValue = "10s", converter = Durations.class, description = "Per-request idle timeout.")
    Duration timeout;

    @Option(names = "--drain", defaultValue = "15s", converter = Durations.class,
            description = "After the last send, wait this long for answers; the rest count as unfinished.")
    Duration drain;

    @Option(names = "--max-requests", defaultValue = "5000000", description = "Hard bound on requests in the whole run.")
    long maxRequests;

    @Option(names = "--skip", defaultValue = "0",
            description = "Start at this (poll, voter) pair index (pairs an earlier run already used).")
    long skip;

    @Option(names = "--label", defaultValue = "votes")
    String label;

    @Option(names = "--self-warmup", defaultValue = "0s", converter = Durations.class,
            description = "First warm this JVM up for this long against a stand-in server in it (no vote reaches "
                    + "--url), so a cold stack is measured with a warm client. Default ${DEFAULT-VALUE}: none.")
    Duration selfWarmup;

    @Option(names = "--self-warmup-rate", defaultValue = "0", description = "Its rate (default: --rate).")
    double selfWarmupRate;

    /** Beyond this a warm-up vote's proof takes seconds of a core (2^bits hashes), longer than any warm-up. */
    private static final int MAX_SELF_WARMUP_CHALLENGE = 24;

    @Option(names = "--self-warmup-challenge", defaultValue = "0", paramLabel = "BITS",
            description = "The stand-in asks every vote for proof of work at this difficulty first, as ingest does "
                    + "with VOTE_CHALLENGE=always, so the generator's solver is warm too. Default ${DEFAULT-VALUE}: "
                    + "no challenge.")
    int selfWarmupChallenge;

    @Option(names = "--start-file", description = "After the self-warm-up, wait until this file exists (a script "
            + "touches it once the stack is up), then create polls and start.")
    Path startFile;

    @Option(names = "--start-file-timeout", defaultValue = "10m", converter = Durations.class)
    Duration startFileTimeout;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new VoteLoad(), args));
    }

    @Override
    public Integer call() {
        URI target = LoopbackOnly.check(url);
        if (runs < 1 || runs > 20 || duration.toSeconds() > 600 || warmup.toSeconds() > 600) {
            throw new CommandLine.ParameterException(new CommandLine(this), "bounded: 1..20 runs, phases up to 600 s");
        }
        if (selfWarmupChallenge < 0 || selfWarmupChallenge > MAX_SELF_WARMUP_CHALLENGE) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--self-warmup-challenge: 0.."
                    + MAX_SELF_WARMUP_CHALLENGE + " bits");
        }
        List<String> tokens = tokens();
        if (!selfWarmup.isZero()) {
            double warmRate = selfWarmupRate > 0 ? selfWarmupRate : rate;
            SelfWarmup.run(tokens, optionId, warmRate, selfWarmup, eventLoops, connections, localAddresses,
                    selfWarmupChallenge);
        }
        if (startFile != null) {
            StartFile.await(startFile, startFileTimeout);
        }
        List<String> pollIds = new ArrayList<>(polls);
        if (createPolls > 0) {
            if (privateKey == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--create-polls needs --private-key");
            }
            String admin = VoterTokens.mint(privateKey, issuer, "perf-admin-", 1, List.of("admin")).get(0);
            pollIds.addAll(AdminPolls.create(adminUrl != null ? adminUrl : url, admin, createPolls, "perf " + Instant.now()));
            System.err.println("created polls " + pollIds);
        }
        if (pollIds.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --poll or --create-polls");
        }
        Targets targets = new Targets(pollIds, voters);
        Slo slo = new Slo(sloP99, sloErrors);
        Table table = Table.forPhases();
        try (LoadRunner runner = new LoadRunner(target, tokens, targets, optionId, eventLoops, connections, timeout,
                maxRequests, skip, AnswerListener.NONE, localAddresses)) {
            if (step) {
                double max = search(runner, slo, table);
                if (overloadFactor > 0) {
                    overload().run(runner, max);
                }
            } else if (overloadFactor > 0) {
                System.out.printf(Locale.ROOT, "taking --rate %.0f as the max sustained rate%n", rate);
                overload().run(runner, rate);
            } else {
                fixedRate(runner, slo, table);
            }
            System.out.println("requests used: " + runner.requestsUsed() + " of " + targets.capacity() + " distinct pairs");
        }
        return 0;
    }

    private double search(LoadRunner runner, Slo slo, Table table) {
        StepSearch search = new StepSearch(stepStart, stepGrowth, stepMax, stepResolution, maxSteps);
        for (OptionalDouble r = search.next(); r.isPresent(); r = search.next()) {
            PhaseResult result = runner.run(label + "@" + (long) r.getAsDouble(), r.getAsDouble(), warmup, duration, drain);
            boolean pass = slo.passes(result);
            search.record(r.getAsDouble(), pass);
            table.phase(result);
            printResult(result, pass);
        }
        System.out.println(table.render());
        System.out.printf(Locale.ROOT, "MAX_SUSTAINED label=%s rate=%.0f p99<%.0fms errors<%.3f%% steps=%d%n",
                label, search.best().orElse(0), sloP99, sloErrors * 100, search.steps().size());
        return search.best().orElse(0);
    }

    private void fixedRate(LoadRunner runner, Slo slo, Table table) {
        List<Double> p99s = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            PhaseResult result = runner.run(label + "#" + run, rate, warmup, duration, drain);
            table.phase(result);
            printResult(result, slo.passes(result));
            p99s.add(result.latency().p99());
            achieved.add(result.achievedRate());
            errors.add(result.counts().errorRate() * 100);
        }
        System.out.println(table.render());
        // Failed requests are in the histogram too: a p99 next to a high error rate describes failures.
        System.out.printf(Locale.ROOT, "MEDIAN label=%s rate=%.0f achieved=%.0f p99ms=%.2f errors=%.2f%% runs=%d%n",
                label, rate, Medians.of(achieved), Medians.of(p99s), Medians.of(errors), runs);
    }

    private List<String> tokens() {
        if (tokensFile != null) {
            List<String> t = VoterTokens.load(tokensFile);
            if (t.size() < voters) {
                throw new IllegalArgumentException(tokensFile + " has " + t.size() + " tokens, --voters is " + voters);
            }
            return t.subList(0, voters);
        }
        if (privateKey == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --tokens-file or --private-key");
        }
        long t0 = System.nanoTime();
        List<String> t = VoterTokens.cachedOrMinted(tokensCache, privateKey, issuer, voterPrefix, voters);
        System.err.printf(Locale.ROOT, "%d voter tokens ready in %.1f s%n", t.size(), (System.nanoTime() - t0) / 1e9);
        return t;
    }

    private OverloadRun overload() {
        return new OverloadRun(label, overloadFactor, runs, overloadWarmup != null ? overloadWarmup : warmup,
                overloadDuration != null ? overloadDuration : duration, drain, settle, new OverloadGoal(overloadP99));
    }

    static void printResult(PhaseResult r, boolean pass) {
        LatencySummary l = r.latency();
        System.out.printf(Locale.ROOT,
                "RESULT label=%s target=%.0f achieved=%.0f p50ms=%.2f p90ms=%.2f p99ms=%.2f p999ms=%.2f maxms=%.2f "
                        + "accepted_p99ms=%.2f errors=%.4f%% shed=%.2f%% sendlag_p99ms=%.2f slo=%s counts[%s]%n",
                r.label(), r.targetRate(), r.achievedRate(), l.p50(), l.p90(), l.p99(), l.p999(), l.max(),
                r.acceptedLatency().p99(), r.counts().errorRate() * 100, r.counts().shedRate() * 100, r.sendLag().p99(),
                pass ? "pass" : "FAIL", r.counts());
        if (r.challenges().challenges() > 0) {
            // Only when ingest asked for proof of work: runs without challenges print exactly what they always did.
            System.out.printf(Locale.ROOT, "CHALLENGES label=%s %s%n", r.label(), r.challenges());
        }
    }
}
