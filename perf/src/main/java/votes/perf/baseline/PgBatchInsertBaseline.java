package votes.perf.baseline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.events.id.EventIds;
import votes.perf.report.Medians;

/**
 * The database's ceiling for the ledger's write: 500-row {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * NOTHING} into a scratch table shaped like {@code votes} (both unique constraints), one autocommitted statement
 * per batch, through the reactive PG client, {@code --connections} batches in flight.
 */
@Command(name = "pg-batch-insert-baseline", mixinStandardHelpOptions = true,
        description = "Raw PostgreSQL batch-insert rate into a votes-shaped table.")
public final class PgBatchInsertBaseline implements Callable<Integer> {

    static final String TABLE = "perf_votes";

    static final String DDL = "CREATE TABLE " + TABLE + " (poll_id text NOT NULL, voter_id text NOT NULL, "
            + "option_id text NOT NULL, event_id uuid NOT NULL UNIQUE, submitted_at timestamptz NOT NULL, "
            + "recorded_at timestamptz NOT NULL DEFAULT now(), kafka_partition int, kafka_offset bigint, "
            + "UNIQUE (poll_id, voter_id))";

    static final String INSERT = "INSERT INTO " + TABLE
            + " (poll_id, voter_id, option_id, event_id, submitted_at, kafka_partition, kafka_offset)"
            + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::int[], $7::bigint[])"
            + " ON CONFLICT DO NOTHING";

    @Mixin
    PgOptions pg;

    @Option(names = "--rows", defaultValue = "200000", description = "Rows per run (max 2,000,000).")
    int rows;

    @Option(names = "--batch", defaultValue = "500")
    int batch;

    @Option(names = "--connections", defaultValue = "1", description = "Batches in flight (the ledger writes one at a time per consumer).")
    int connections;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--keep-table", description = "Do not drop " + TABLE + " at the end.")
    boolean keepTable;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new PgBatchInsertBaseline(), args));
    }

    @Override
    public Integer call() throws Exception {
        if (rows > 2_000_000 || runs > 10 || connections > 16) {
            throw new IllegalArgumentException("bounded: at most 2,000,000 rows, 10 runs, 16 connections");
        }
        Vertx vertx = Vertx.vertx();
        Pool pool = pg.pool(vertx, connections);
        try {
            join(pool.query("DROP TABLE IF EXISTS " + TABLE).execute());
            join(pool.query(DDL).execute());
            // Warm-up: plans, caches, JIT; then TRUNCATE so every run starts from an empty table.
            insertAll(pool, batches("w", Math.min(rows, 50_000)));
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                join(pool.query("TRUNCATE " + TABLE).execute());
                List<Tuple> tuples = batches("r" + run, rows);
                long t0 = System.nanoTime();
                insertAll(pool, tuples);
                double rate = rows / ((System.nanoTime() - t0) / 1e9);
                rates.add(rate);
                System.out.printf(Locale.ROOT, "RESULT label=pg-batch-insert#%d rows=%d batch=%d connections=%d rate=%.0f rows/s%n",
                        run, rows, batch, connections, rate);
            }
            System.out.printf(Locale.ROOT, "MEDIAN label=pg-batch-insert rate=%.0f rows/s runs=%d batch=%d connections=%d%n",
                    Medians.of(rates), runs, batch, connections);
            if (!keepTable) {
                join(pool.query("DROP TABLE " + TABLE).execute());
            }
        } finally {
            pool.close();
            vertx.close();
        }
        return 0;
    }

    private List<Tuple> batches(String tag, int n) {
        List<Tuple> out = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int start = 0; start < n; start += batch) {
            int size = Math.min(batch, n - start);
            String[] polls = new String[size];
            String[] voters = new String[size];
            String[] options = new String[size];
            UUID[] ids = new UUID[size];
            OffsetDateTime[] at = new OffsetDateTime[size];
            Integer[] partitions = new Integer[size];
            Long[] offsets = new Long[size];
            for (int k = 0; k < size; k++) {
                int i = start + k;
                polls[k] = "perf-poll-pg";
                voters[k] = SyntheticVotes.voterId("pg-" + tag + "-", i);
                options[k] = (i & 1) == 0 ? "a" : "b";
                ids[k] = EventIds.next();
                at[k] = now;
                partitions[k] = i % 6;
                offsets[k] = (long) i;
            }
            out.add(Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters).addArrayOfString(options)
                    .addArrayOfUUID(ids).addArrayOfOffsetDateTime(at).addArrayOfInteger(partitions).addArrayOfLong(offsets));
        }
        return out;
    }

    private void insertAll(Pool pool, List<Tuple> tuples) {
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            CompletableFuture<Void> lane = new CompletableFuture<>();
            lanes.add(lane);
            insertNext(pool, tuples, next, lane);
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.MINUTES).join();
    }

    private void insertNext(Pool pool, List<Tuple> tuples, AtomicInteger next, CompletableFuture<Void> lane) {
        int b = next.getAndIncrement();
        if (b >= tuples.size()) {
            lane.complete(null);
            return;
        }
        pool.preparedQuery(INSERT).execute(tuples.get(b)).onComplete(ar -> {
            if (ar.failed()) {
                lane.completeExceptionally(ar.cause());
            } else {
                insertNext(pool, tuples, next, lane);
            }
        });
    }

    static <T> T join(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.MINUTES).join();
    }
}
