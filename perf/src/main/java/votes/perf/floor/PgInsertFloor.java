package votes.perf.floor;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import votes.perf.baseline.PgOptions;
import votes.perf.baseline.RawInserts;

/**
 * A row of a raw batched insert: the raw insert baseline's statement ({@code batch}-row unnest insert into a
 * votes-shaped scratch table, one batch in flight, the reactive PG client), warmed, then {@code rows} rows. Client
 * = this process, server = PostgreSQL's process tree. The scratch table is dropped at the end.
 */
public final class PgInsertFloor {

    private final int batch;

    public PgInsertFloor(int batch) {
        this.batch = batch;
    }

    public FloorCost measure(FloorMeter meter, String server, PgOptions pg, int warmup, int rows) throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = pg.pool(vertx, 1);
        try {
            RawInserts inserts = new RawInserts(pool, batch, 1);
            inserts.create();
            inserts.insertAll(inserts.batches("w", warmup));
            inserts.truncate();
            List<Tuple> tuples = inserts.batches("m", rows);
            FloorCost cost = meter.measure("PostgreSQL batched insert, per row", batch
                    + "-row INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING, votes-shaped table, 1 in flight",
                    rows, server, () -> inserts.insertAll(tuples));
            inserts.drop();
            return cost;
        } finally {
            pool.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
