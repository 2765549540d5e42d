package votes.perf.swarm;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.events.flag.VoteFlagged;
import votes.perf.baseline.KafkaLogin;
import votes.perf.load.AdminPolls;
import votes.perf.load.Durations;
import votes.perf.load.LoopbackOnly;
import votes.perf.load.VoterTokens;
import votes.perf.report.CliErrors;

/**
 * The bot-swarm benchmark (issue 11): people and bot strategies vote on one poll through the gateway, each from its
 * own loopback source address; per population it counts what the defence let through, refused, left unsolved or
 * flagged, writes one labelled CSV row per vote, and prints the report (against the earlier phases' CSVs when given).
 * perf/run-bots.sh runs the baseline phase (people alone, defence off), the defended one (people alone, defence on)
 * and the measured one (people and the swarm, defence on) on a stack it brings up.
 */
@Command(name = "swarm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bot-swarm benchmark: people and bot strategies through the gateway; see perf/README.md.")
public final class Swarm implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The gateway (votes and polls).")
    String url;

    @Option(names = "--private-key", required = true, description = "The stack's JWT private key (.vote/keys).")
    Path privateKey;

    @Option(names = "--issuer", defaultValue = "https://votes.local/dev")
    String issuer;

    @Option(names = "--phase", defaultValue = "measured",
            description = "baseline (defence off), defended (people alone, defence on) or measured (with the swarm).")
    String phaseName;

    @Option(names = "--poll", description = "Vote on this poll (default: create one through --url).")
    String pollId;

    @Option(names = "--duration", defaultValue = "45s", converter = Durations.class, description = "Phase length.")
    Duration duration;

    @Option(names = "--seed", defaultValue = "11", description = "Same seed, same swarm.")
    long seed;

    @Option(names = "--humans", defaultValue = "800", description = "People, one vote each.")
    int humans;

    @Option(names = "--human-nets", defaultValue = "250", description = "/24s the people are spread over.")
    int humanNets;

    @Option(names = "--hintless-share", defaultValue = "0.2",
            description = "People on Safari/Firefox: no client hints (Chromium browsers send them).")
    double hintlessShare;

    @Option(names = "--bots", split = ",", defaultValue = "one-address=120,rotating-24=300,rotating-devices=150,"
            + "bulk-tokens=100,headless=150,machine-pow=150,slow-bot=20",
            description = "Votes per bot strategy, strategy=N,... (default: ${DEFAULT-VALUE}).")
    Map<String, Integer> bots;

    @Option(names = "--no-bots", description = "People only (perf/run-bots.sh's baseline: people without the swarm).")
    boolean noBots;

    @Option(names = "--warmup", defaultValue = "15s", converter = Durations.class,
            description = "First, unreported: a smaller swarm on its own poll and addresses (JIT, connections; 0 = none).")
    Duration warmup;

    @Option(names = "--warmup-humans", defaultValue = "200")
    int warmupHumans;

    @Option(names = "--warmup-bots", split = ",", defaultValue = "one-address=30,rotating-24=60,headless=30",
            description = "Warm-up bots (default: ${DEFAULT-VALUE}): the 429 path is warm too.")
    Map<String, Integer> warmupBots;

    @Option(names = "--bot-give-up-bits", defaultValue = "20",
            description = "Bots (machine-pow aside) leave a challenge harder than this unsolved.")
    int botGiveUpBits;

    @Option(names = "--max-solve-bits", defaultValue = "26", description = "Nobody solves beyond this (run time).")
    int maxSolveBits;

    @Option(names = "--browser-slowdown", defaultValue = "10",
            description = "A browser's proof time / this JVM's (Web Crypto in a worker vs. a JIT-compiled loop).")
    double browserSlowdown;

    @Option(names = "--timeout", defaultValue = "10s", converter = Durations.class, description = "Per request.")
    Duration timeout;

    @Option(names = "--drain", defaultValue = "60s", converter = Durations.class,
            description = "After the last due vote, wait this long for votes still under way (proofs included).")
    Duration drain;

    @Option(names = "--flags-drain", defaultValue = "5s", converter = Durations.class,
            description = "After the last answer, read votes.flags until its end stands still, at most this long.")
    Duration flagsDrain;

    @Mixin
    KafkaLogin kafka = new KafkaLogin();

    @Option(names = "--csv", description = "Per-vote CSV (default perf/target/swarm-<phase>.csv).")
    Path csv;

    @Option(names = "--baseline-csv", description = "The baseline phase's CSV: the report compares people with it.")
    Path baselineCsv;

    @Option(names = "--defended-csv",
            description = "Measured phase: the defended phase's CSV (its people are the report's defence's-cost row).")
    Path defendedCsv;

    public static void main(String[] args) {
        System.exit(CliErrors.run(new Swarm(), args));
    }

    @Override
    public Integer call() throws Exception {
        URI gateway = LoopbackOnly.check(url);
        Phase phase = Phase.ofSlug(phaseName);
        if (phase == Phase.WARM_UP) {
            throw new IllegalArgumentException("the warm-up runs before every phase (--warmup), it is not one to ask for");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try (Solvers solvers = new Solvers()) {
            if (!warmup.isZero()) {
                List<PlannedVote> warm = SwarmPlan.of(new PlanSettings(Phase.WARM_UP.index(), warmup.toMillis(), seed,
                        warmupHumans, humanNets, hintlessShare, counts(warmupBots), botGiveUpBits));
                List<VoteResult> warmed = cast(vertx, solvers, gateway, createPoll("warm-up"), warm, "warm-up");
                // By outcome: many "other" (503 shed) or "failed" mean the stack was not warm yet when the phase began.
                System.out.printf("warm-up: %d votes, %s (not reported)%n", warmed.size(), warmed.stream()
                        .collect(Collectors.groupingBy(VoteResult::outcome, () -> new EnumMap<>(Outcome.class),
                                Collectors.counting())));
            }
            List<PlannedVote> plan = SwarmPlan.of(new PlanSettings(phase.index(), duration.toMillis(), seed, humans,
                    humanNets, hintlessShare, noBots ? Map.of() : counts(bots), botGiveUpBits));
            String poll = pollId != null ? pollId : createPoll(phase.slug());
            System.out.printf("swarm phase=%s poll=%s votes=%d duration=%ds%n", phase, poll, plan.size(),
                    duration.toSeconds());
            FlagWatch flags = kafka.given() ? new FlagWatch(kafka.properties(), poll) : null;
            List<VoteResult> results = cast(vertx, solvers, gateway, poll, plan, phase.slug());
            if (flags != null) {
                results = withFlags(results, flags.stopAfter(flagsDrain));
            }
            report(phase, results, flags != null && flags.topicFound());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        return 0;
    }

    private void report(Phase phase, List<VoteResult> results, boolean flagsRead) {
        Path out = csv != null ? csv : Path.of("perf", "target", "swarm-" + phase.slug() + ".csv");
        SwarmCsv.write(out, results);
        System.out.println("per-vote data: " + out.toAbsolutePath());
        SwarmReport report = SwarmReport.of(phase, results,
                baselineCsv == null ? List.of() : SwarmCsv.people(baselineCsv),
                defendedCsv == null ? List.of() : SwarmCsv.people(defendedCsv), flagsRead);
        System.out.println(report.render());
        System.out.printf("SWARM phase=%s flags=%s targets=%s%n", phase, flagsRead ? "read" : "not-read",
                phase == Phase.BASELINE ? "n/a (the reference)" : report.allMet() ? "met" : "MISSED");
    }

    private static Map<Strategy, Integer> counts(Map<String, Integer> bySlug) {
        Map<Strategy, Integer> counts = new EnumMap<>(Strategy.class);
        bySlug.forEach((slug, n) -> counts.put(Strategy.ofSlug(slug), n));
        return counts;
    }

    private String createPoll(String label) {
        if (pollId != null) {
            return pollId;
        }
        String admin = VoterTokens.mint(privateKey, issuer, "perf-admin-", 1, List.of("admin")).get(0);
        // No wait: ingest asks the ledger about a poll poll-events has not brought it yet (poll.LedgerPolls).
        return AdminPolls.create(url, admin, 1, "bot swarm " + label).get(0);
    }

    /** Mints the plan's tokens (iat as planned, relative to now), then casts it and answers every vote's result. */
    private List<VoteResult> cast(Vertx vertx, Solvers solvers, URI gateway, String poll, List<PlannedVote> plan,
                                  String label) throws Exception {
        Instant nominalStart = Instant.now();
        Map<String, String> tokens = VoterTokens.mintIssuedAt(privateKey, issuer, plan.stream().collect(
                Collectors.toMap(PlannedVote::voter, v -> nominalStart.plusMillis(v.issuedAtMillis()))));
        SwarmRun run = new SwarmRun(vertx, gateway, new VoteFlow.Target(poll, label, solvers, browserSlowdown,
                maxSolveBits, timeout.toMillis()));
        try {
            return run.run(plan, tokens, nominalStart, drain)
                    .get(duration.plus(drain).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            run.close();
        }
    }

    private static List<VoteResult> withFlags(List<VoteResult> results, Map<UUID, VoteFlagged> flags) {
        Function<VoteResult, VoteResult> mark = r -> {
            VoteFlagged flag = r.receiptId().isEmpty() ? null : flags.get(UUID.fromString(r.receiptId()));
            return flag == null ? r : r.flaggedAs(flag.score(), flag.reasons());
        };
        return results.stream().map(mark).toList();
    }
}
