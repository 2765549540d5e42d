package votes.perf.baseline;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.perf.report.Medians;

/**
 * The database's ceiling for the ledger's write: 500-row {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * NOTHING} into a scratch table shaped like {@code votes} (both unique constraints), one autocommitted statement
 * per batch, through the reactive PG client, {@code --connections} batches in flight ({@link RawInserts}).
 */
@Command(name = "pg-batch-insert-baseline", mixinStandardHelpOptions = true,
        description = "Raw PostgreSQL batch-insert rate into a votes-shaped table.")
public final class PgBatchInsertBaseline implements Callable<Integer> {

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

    @Option(names = "--keep-table", description = "Do not drop " + RawInserts.TABLE + " at the end.")
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
            RawInserts inserts = new RawInserts(pool, batch, connections);
            inserts.create();
            // Warm-up: plans, caches, JIT; then TRUNCATE so every run starts from an empty table.
            inserts.insertAll(inserts.batches("w", Math.min(rows, 50_000)));
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                inserts.truncate();
                List<Tuple> tuples = inserts.batches("r" + run, rows);
                long t0 = System.nanoTime();
                inserts.insertAll(tuples);
                double rate = rows / ((System.nanoTime() - t0) / 1e9);
                rates.add(rate);
                System.out.printf(Locale.ROOT, "RESULT label=pg-batch-insert#%d rows=%d batch=%d connections=%d rate=%.0f rows/s%n",
                        run, rows, batch, connections, rate);
            }
            System.out.printf(Locale.ROOT, "MEDIAN label=pg-batch-insert rate=%.0f rows/s runs=%d batch=%d connections=%d%n",
                    Medians.of(rates), runs, batch, connections);
            if (!keepTable) {
                inserts.drop();
            }
        } finally {
            pool.close();
            vertx.close();
        }
        return 0;
    }
}
