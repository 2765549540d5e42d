package votes.perf.capacity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import votes.perf.cost.RateFit;

/**
 * The measured inputs of the model, each with where it was measured. "quiet" = issue 12's run on the quiet 2-core
 * machine (load < 1, CPU per vote at 1,500 votes/s); "RESULTS" = a section of perf/RESULTS.md, most taken on the
 * same machine under other engineers' load, hence the ranges; "today" = perf/run-cost.sh's phases at 300-800 votes/s
 * on the current code (2026-12-07). Nothing here is re-measured.
 */
public final class Measured {

    /**
     * CPU per vote by tier. Quiet: issue 12's table (ingest 365 … redis 51 µs). Noisy range: RESULTS.md "Cost per
     * vote (issue 12, item 1)", 2026-11-30, runs 3 (500/1,500/max) and 4 (100/250 votes/s), µs per accepted vote,
     * lowest and highest of the five columns. Warmed: RESULTS.md "Cost per vote after the hand-off cuts", 2026-12-03
     * (git c017e10), µs per accepted vote at 200 votes/s, idle subtracted, after five minutes of load: the one
     * per-component figure of today's code from a recorded command, at a rate whose batches are nearly single votes.
     * Pod sizes are the model's choice: a Redis shard is one thread, a broker or a database shard primary a 16-vCPU
     * node, a stateless service a 4-vCPU pod.
     */
    public static final List<Tier> TIERS = List.of(
            new Tier("gateway", 89, 300, 334, 1729, 4),
            new Tier("ingest", 365, 1088, 1691, 3271, 4),
            new Tier("redis", 51, 203, 101, 140, 1),
            new Tier("kafka", 145, 677, 756, 1884, 16),
            new Tier("ledger", 127, 402, 881, 1633, 4),
            new Tier("postgres", 104, 418, 206, 415, 16),
            new Tier("cdc-relay", 69, 186, 318, 843, 2),
            new Tier("projections", 52, 177, 515, 1041, 4),
            new Tier("realtime", 51, 156, 93, 262, 4));

    /**
     * The rates of today's fixed-rate phases: one run of {@code WARMUP_RATES=200,400,400,400 WARMUP=60s
     * RATES=300,400,500,600,700,800 MAX_RATE=0 DURATION=30s perf/run-cost.sh} on the 2-core Intel Xeon, 2026-12-07
     * 13:52, git 9f24a6e (RESULTS.md "The whole path from 300 to 800 votes/s"). Every vote accepted, 202 p99 30-37 ms.
     */
    static final double[] TODAY_RATES = {300, 400, 500, 600, 700, 800};
    /** CPU µs per accepted vote by tier in those phases, idle subtracted, in the order of {@link #TODAY_RATES}. */
    private static final Map<String, double[]> TODAY_MICROS = Map.of(
            "gateway", new double[] {205.8, 183.5, 168.8, 157.4, 151.1, 151.3},
            "ingest", new double[] {737.8, 649.2, 600.7, 552.8, 527.2, 500.8},
            "redis", new double[] {139.1, 136.0, 128.2, 155.1, 113.4, 110.1},
            "kafka", new double[] {510.1, 379.3, 302.1, 216.2, 193.9, 169.6},
            "ledger", new double[] {363.4, 254.2, 171.4, 134.5, 124.3, 105.0},
            "postgres", new double[] {233.7, 188.6, 150.9, 121.3, 114.9, 115.6},
            "cdc-relay", new double[] {129.4, 107.9, 60.3, 88.6, 54.0, 33.5},
            "projections", new double[] {164.3, 125.8, 93.9, 93.3, 93.3, 48.7},
            "realtime", new double[] {81.5, 61.1, 44.2, 41.9, 43.0, 52.2});

    /** Floor per vote, quiet: bare endpoint 29 + RS256 29 + EVALSHA 12 + Kafka append 5 + insert row 14 (µs). */
    public static final double FLOOR_MICROS = 90;
    /** Issue 12 item 2's target for the whole path. */
    public static final double TARGET_MICROS = 400;

    /** Raw 500-row unnest insert, one writer, one batch in flight: quiet (issue 12). */
    public static final double PG_WRITER_QUIET = 87_700;
    /** Same, RESULTS.md "run-baseline.sh after the lz4 fix", 2026-11-30 (load 3.5 and rising). */
    public static final double PG_WRITER_NOISY = 64_439;
    /**
     * Ledger catch-up, one ledger instance on one core, today's code: RESULTS.md "The freshly started ledger from a JDK
     * 25 AOT cache", 2026-12-04, the median of the three default arms' medians (28,875 / 30,275 / 35,634), from the
     * first row of a freshly started JVM (the figure on the code of then: 18,800).
     */
    public static final double LEDGER_QUIET = 30_275;
    /**
     * A warm ledger catching up, its one core 78-100 % busy: the second half of a 600,000-vote catch-up on the Intel
     * Xeon, RESULTS.md "The JVMs' idle clock, again", 2026-12-07 11:22 (git 9d622df). Nothing in it is shared by
     * several votes, so 1e6 / this is the least CPU µs a vote costs a ledger.
     */
    static final double LEDGER_WARM_CATCH_UP = 48_380;
    /** Same, RESULTS.md "Audit (issue 4)", 2026-11-21, median of the "with" runs D and E (11,774 / 12,601). */
    public static final double LEDGER_NOISY = 11_774;
    /** WAL bytes per vote with the Merkle log, RESULTS.md "Audit (issue 4)", 2026-11-21, runs D and E. */
    public static final double WAL_BYTES_PER_VOTE = 607;
    /** Raw producer, one broker on one core, RF 1, lz4: RESULTS.md 2026-11-21 run 1 (281,589) and 2026-11-30 (324,062). */
    public static final double KAFKA_RAW_LOW = 281_589;
    public static final double KAFKA_RAW_HIGH = 324_062;
    /**
     * Gateway fan-out, RESULTS.md "Gateway (issue 8)", 2026-11-30: 10,000 viewers held (89 % of pairs within 1 s,
     * every viewer every update within 1.6 s), ~60 ms of gateway CPU per publication to 10,000 viewers.
     */
    public static final int VIEWERS_PER_INSTANCE = 10_000;
    public static final double MICROS_PER_VIEWER_FRAME = 60_000.0 / 10_000;
    /** Same run: gateway RSS 208 MB at 10,000 viewers. */
    public static final double RSS_MB_PER_10K_VIEWERS = 208;
    /** realtime's coalescer: at most ~10 frames per second per poll (ARCHITECTURE.md, "SSE"). */
    public static final int MAX_FRAMES_PER_SECOND = 10;

    private Measured() {
    }

    static double todayLowestRate() {
        return Arrays.stream(TODAY_RATES).min().orElseThrow();
    }

    static double todayHighestRate() {
        return Arrays.stream(TODAY_RATES).max().orElseThrow();
    }

    /** The tier's CPU µs per vote measured in today's phase at {@code votesPerSecond}. */
    static double todayMicrosAt(Tier tier, double votesPerSecond) {
        for (int i = 0; i < TODAY_RATES.length; i++) {
            if (TODAY_RATES[i] == votesPerSecond) {
                return TODAY_MICROS.get(tier.name())[i];
            }
        }
        throw new IllegalArgumentException("no phase at " + votesPerSecond + " votes/s");
    }

    /**
     * What a vote costs the tier at least, measured apart from the phases: for the ledger its warm catch-up, for the
     * broker one record of the raw producer baseline (one core, RF 1); nothing else (0). The phases cannot show those
     * two: at 300-800 votes/s their batches' own cost hides it (the fit's per-vote part comes out below zero).
     */
    public static double perVoteAtLeast(Tier tier) {
        return switch (tier.name()) {
            case "ledger" -> 1e6 / LEDGER_WARM_CATCH_UP;
            case "kafka" -> 1e6 / KAFKA_RAW_LOW;
            default -> 0;
        };
    }

    /** The tier's CPU per vote on today's code against the rate, fitted over today's phases. */
    public static RateFit todayFit(Tier tier) {
        double[] micros = TODAY_MICROS.get(tier.name());
        if (micros == null) {
            throw new IllegalArgumentException("no phase figures for " + tier.name());
        }
        return RateFit.leastSquares(TODAY_RATES, micros);
    }
}
