package votes.perf.pervote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import picocli.CommandLine.Option;
import votes.infra.token.DevKeys;
import votes.perf.baseline.KafkaLogin;
import votes.perf.baseline.PgOptions;
import votes.perf.baseline.RawAppends;
import votes.perf.cost.Components;
import votes.perf.cost.CpuMeter;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.PhaseCost;
import votes.perf.cost.SettleRule;
import votes.perf.cost.SteadyRule;
import votes.perf.floor.FloorCost;
import votes.perf.floor.FloorMeter;
import votes.perf.floor.KafkaAppendFloor;
import votes.perf.floor.PgInsertFloor;
import votes.perf.floor.RedisFloor;
import votes.perf.floor.Rs256Floor;
import votes.perf.load.AnswerListener;
import votes.perf.load.Durations;
import votes.perf.load.LoadRunner;
import votes.perf.load.LoopbackOnly;
import votes.perf.load.Targets;
import votes.perf.load.VoterTokens;

/**
 * The floor's options and its measurement, part by part: the bare Quarkus endpoint per request, one RS256 verify, one
 * Redis EVALSHA, a raw Kafka append per record, a raw batched insert per row. A part whose target is not given is
 * left out (and said so). The stack's servers are found by their ./vote names among the measured components.
 */
final class Floors {

    static final String REDIS = "redis";
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    static final String BARE = "bare";

    @Option(names = "--bare-url", description = "The bare endpoint (perf/bare-endpoint), running; none: part left out.")
    String bareUrl;

    @Option(names = "--bare-pid", description = "Its process id (its CPU is the part's cost).")
    Long barePid;

    @Option(names = "--bare-rate", defaultValue = "1500", description = "Requests per second to the bare endpoint.")
    double bareRate;

    @Option(names = "--bare-at-rates", split = ",",
            description = "The bare endpoint also at these request rates (run-cost.sh: the vote rates): a request's fixed "
                    + "costs (wake-ups, syscalls) weigh more at a low rate, so ingest's µs per vote compares with the bare "
                    + "endpoint's at the same rate, not at --bare-rate.")
    List<Double> bareAtRates = List.of();

    @Option(names = "--bare-warmup", defaultValue = "10s", converter = Durations.class)
    Duration bareWarmup;

    @Option(names = "--bare-duration", defaultValue = "20s", converter = Durations.class)
    Duration bareDuration;

    @Option(names = "--rs256-ops", defaultValue = "20000")
    int rs256Ops;

    @Option(names = "--redis-url", defaultValue = "${env:REDIS_URL}",
            description = "redis://user:password@127.0.0.1:port (env REDIS_URL: keeps the password off the command line).")
    String redisUrl;

    @Option(names = "--redis-ops", defaultValue = "100000")
    int redisOps;

    @Option(names = "--redis-in-flight", defaultValue = "16",
            description = "Commands pipelined on the connection (a loaded ingest has many votes in flight).")
    int redisInFlight;

    @Option(names = "--kafka-bootstrap", description = "The stack's broker; none: part left out.")
    String kafkaBootstrap;

    @picocli.CommandLine.Mixin
    KafkaLogin kafkaLogin = new KafkaLogin();

    @Option(names = "--linger-ms", defaultValue = "20", description = "ingest's votes.submitted setting.")
    int lingerMs;

    @Option(names = "--batch-size", defaultValue = "65536", description = "ingest's votes.submitted setting.")
    int batchSize;

    @Option(names = "--compression", defaultValue = "lz4", description = "ingest's votes.submitted setting.")
    String compression;

    @Option(names = "--kafka-records", defaultValue = "200000")
    long kafkaRecords;

    @Option(names = "--kafka-partitions", defaultValue = "6", description = "votes.submitted's partition count.")
    int kafkaPartitions;

    @picocli.CommandLine.Mixin
    PgOptions pg = new PgOptions();

    @Option(names = "--pg-floor", defaultValue = "true", negatable = true, description = "Measure the insert part.")
    boolean pgFloor;

    @Option(names = "--pg-rows", defaultValue = "200000")
    int pgRows;

    @Option(names = "--pg-batch", defaultValue = "500", description = "Rows per statement (the ledger's batch).")
    int pgBatch;

    List<FloorCost> measure(CpuMeter stack, IdleBurn idle, List<String> tokens, Path privateKey, String issuer,
                            SettleRule rule, SteadyRule steady) throws Exception {
        List<FloorCost> out = new ArrayList<>();
        FloorMeter meter = new FloorMeter(stack, idle);
        if (bareUrl != null && barePid != null) {
            out.add(bare(stack, tokens, rule, steady));
        } else {
            Progress.line("floor: bare endpoint left out (no --bare-url/--bare-pid)");
        }
        Progress.line("floor: RS256 verify x %d", rs256Ops);
        String token = VoterTokens.mint(privateKey, issuer, "floor-", 1, List.of()).get(0);
        out.add(new Rs256Floor(DevKeys.in(privateKey.getParent()).publicKey(), token).measure(rs256Ops / 4, rs256Ops));
        if (redisUrl != null && !redisUrl.isBlank()) {
            Progress.line("floor: Redis EVALSHA x %d, %d in flight", redisOps, redisInFlight);
            out.add(new RedisFloor(redisUrl, redisInFlight).measure(meter, REDIS, redisOps / 5, redisOps));
        } else {
            Progress.line("floor: Redis left out (no --redis-url / REDIS_URL)");
        }
        if (kafkaBootstrap != null) {
            Progress.line("floor: Kafka append x %d", kafkaRecords);
            out.add(new KafkaAppendFloor(RawAppends.settings(kafkaLogin.properties(), kafkaBootstrap, lingerMs, batchSize,
                    compression), "perf.cost-floor", kafkaPartitions).measure(meter, KAFKA, kafkaRecords / 4, kafkaRecords));
        } else {
            Progress.line("floor: Kafka left out (no --kafka-bootstrap)");
        }
        if (pgFloor) {
            Progress.line("floor: PostgreSQL batched insert x %d rows", pgRows);
            out.add(new PgInsertFloor(pgBatch).measure(meter, POSTGRES, pg, pgRows / 5, pgRows));
        }
        return out;
    }

    /** The bare endpoint per request at --bare-rate: the floor's part. */
    private FloorCost bare(CpuMeter stack, List<String> tokens, SettleRule rule, SteadyRule steady) {
        PhaseCost cost = bareAt(bareRate, stack, tokens, rule, steady);
        return new FloorCost("bare Quarkus endpoint, per request", String.format(java.util.Locale.ROOT,
                "perf/bare-endpoint (same path, body and 202), %.0f req/s; server CPU only", bareRate),
                cost.accepted(), Double.NaN, cost.microsPerVote().get(BARE) * cost.accepted());
    }

    /** The bare endpoint at each --bare-at-rates rate (none without --bare-url/--bare-pid), labelled by its rate. */
    List<PhaseCost> bareAtRates(CpuMeter stack, List<String> tokens, SettleRule rule, SteadyRule steady) {
        if (bareUrl == null || barePid == null) {
            return List.of();
        }
        List<PhaseCost> out = new ArrayList<>();
        for (double rate : bareAtRates) {
            out.add(bareAt(rate, stack, tokens, rule, steady));
        }
        return out;
    }

    /** One rate: the generator at that fixed rate, the endpoint's CPU beyond its own idle burn (key {@link #BARE}). */
    private PhaseCost bareAt(double rate, CpuMeter stack, List<String> tokens, SettleRule rule, SteadyRule steady) {
        URI target = LoopbackOnly.check(bareUrl);
        CpuMeter meter = stack.of(Components.of(BARE, barePid));
        long needed = (long) (rate * (bareWarmup.toSeconds() + bareDuration.toSeconds())) + 1;
        // The bare endpoint keeps no state: poll ids only give the generator enough distinct (poll, voter) pairs.
        List<String> polls = IntStream.rangeClosed(1, (int) (needed / tokens.size()) + 1).mapToObj(i -> "bare-" + i).toList();
        try (LoadRunner runner = new LoadRunner(target, tokens, new Targets(polls, tokens.size()), "a", 1, 256,
                Duration.ofSeconds(10), Long.MAX_VALUE, 0, AnswerListener.NONE, List.of())) {
            LoadPhases load = new LoadPhases(runner, meter, rule, Duration.ofSeconds(5), Duration.ofSeconds(1),
                    Duration.ofSeconds(10));
            Progress.line("floor: bare endpoint, %.0f requests/s: %d s warm-up, then %d s measured", rate,
                    bareWarmup.toSeconds(), bareDuration.toSeconds());
            load.warm("bare-warm-up", rate, bareWarmup);
            meter.awaitSteady(steady, Duration.ofSeconds(2), Duration.ofSeconds(30));
            IdleBurn bareIdle = meter.idle(Duration.ofSeconds(5));
            return load.measure(String.format(java.util.Locale.ROOT, "%.0f/s", rate), rate, bareDuration, bareIdle);
        }
    }
}
