package votes.perf.capacity;

import java.util.List;

/**
 * The measured inputs of the model, each with where it was measured. "quiet" = issue 12's run on the quiet 2-core
 * machine (load < 1, CPU per vote at 1,500 votes/s); "RESULTS" = a section of perf/RESULTS.md, most taken on the
 * same machine under other engineers' load, hence the ranges. Nothing here is re-measured.
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
}
