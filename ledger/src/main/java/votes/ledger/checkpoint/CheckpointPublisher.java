package votes.ledger.checkpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.ledger.look.NextLook;
import votes.ledger.merkle.LogMoves;
import votes.ledger.sql.PipelinedTransaction;
import votes.ledger.sql.Timestamps;

/**
 * Signs and stores checkpoints of all logs: {@code ledger.checkpoint.interval} after this instance moved a log
 * ({@link LogMoves}), and at once after a poll closes ({@link #publishNow()}). Quiet logs cost no checkpoint, a busy
 * ledger one per interval, so a receipt is provable about one interval after its vote was recorded. An instance that
 * moved no log has no timer either (the one that moved a log publishes it): an idle ledger used to wake every interval
 * to find nothing had moved.
 *
 * <p>Several ledger instances may run: a transaction-scoped advisory lock lets one of them publish at a time, and
 * the heads and the latest sequence number are read after the lock, so sequence numbers run 1, 2, 3… without gaps
 * and log sizes only grow from one checkpoint to the next.
 * Everything runs on the reactive pool from a Vert.x timer; the event loop never waits.
 */
@ApplicationScoped
public class CheckpointPublisher {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);
    // Any constant unique within the database; "votes-cp" in ASCII.
    private static final long LOCK_KEY = 0x766f7465732d6370L;

    private final Pool pool;
    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final Duration interval;
    private final LogMoves moves;
    private final Counter published;
    private final Counter looks;
    private final AtomicReference<Instant> latestIssuedAt = new AtomicReference<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final NextLook next;

    CheckpointPublisher(Pool pool, CheckpointStore store, CheckpointSigner signer, Vertx vertx, MeterRegistry registry,
                        LogMoves moves, @ConfigProperty(name = "ledger.checkpoint.interval") Duration interval) {
        this.pool = pool;
        this.moves = moves;
        this.store = store;
        this.signer = signer;
        this.interval = interval;
        this.next = new NextLook(vertx, this::tick);
        this.published = Counter.builder("ledger_checkpoints_published_total")
                .description("Checkpoints this instance signed and stored").register(registry);
        this.looks = Counter.builder("ledger_checkpoint_looks_total")
                .description("Periodic checkpoint transactions this instance ran (one per interval in which it moved"
                        + " a log)").register(registry);
        Gauge.builder("ledger_checkpoint_age_seconds", this, CheckpointPublisher::latestAgeSeconds)
                .description("Seconds since the newest checkpoint this instance saw was issued (NaN before the"
                        + " first); grows while it moves no log")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (interval.isZero() || interval.isNegative()) {
            // A ledger rebuilt from the log keeps the original's checkpoints instead of signing its own.
            LOG.infof("checkpoints: origin %s, key %s, no periodic checkpoints (interval %s)", signer.origin(),
                    signer.keyId(), interval);
            return;
        }
        LOG.infof("checkpoints: origin %s, key %s, every %s while logs move", signer.origin(), signer.keyId(), interval);
        moves.whenMarked(this::lookLater);
        if (moves.marked()) {
            lookLater();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        next.stop();
    }

    /** One look an interval from now, unless one is on its way (every look is asked an interval ahead). */
    private void lookLater() {
        next.within(interval.toMillis());
    }

    /**
     * One attempt when this instance moved a log since the last; skipped while the previous one still runs (a slow
     * database must not pile them up): that one asks for the next look when it ends, if a log moved meanwhile.
     */
    private void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        if (!moves.take()) {
            ticking.set(false);
            return;
        }
        looks.increment();
        publish(false).subscribe().with(signed -> {
            ticking.set(false);
            if (failing.compareAndSet(true, false)) {
                LOG.info("checkpoints: publishing again");
            }
            if (moves.marked()) {
                lookLater();
            }
        }, failure -> {
            ticking.set(false);
            moves.keep();
            lookLater();
            // Once per outage, not once per interval: the database's own health check tells the rest.
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("checkpoints: cannot publish, will retry every %s: %s", interval, failure.toString());
            }
        });
    }

    /**
     * A checkpoint now, even if no log moved: issued after a poll's close committed, it covers every vote of the
     * poll (a recorded vote committed before the close, see {@code PollStore.close}), so the first checkpoint
     * issued after {@code closedAt} is the poll's final one.
     */
    public Uni<SignedCheckpoint> publishNow() {
        return publish(true);
    }

    /** @return the checkpoint published, or null if none was (another instance holds the lock, or nothing moved) */
    Uni<SignedCheckpoint> publish(boolean always) {
        return PipelinedTransaction.run(pool, transaction -> publishOn(transaction.connection(), always))
                // Counted once committed: a rolled-back checkpoint was never published.
                .invoke(signed -> {
                    if (signed != null) {
                        published.increment();
                        seen(signed);
                    }
                });
    }

    private Uni<SignedCheckpoint> publishOn(SqlConnection connection, boolean always) {
        return lock(connection, always).flatMap(locked -> !locked
                // The holder may have read the heads before this instance's move committed: look again next time.
                ? store.latest(connection).invoke(this::seen).invoke(moves::keep).replaceWith((SignedCheckpoint) null)
                : Uni.combine().all().unis(store.heads(connection), store.latest(connection)).asTuple()
                        .flatMap(state -> {
                            List<LogHead> heads = state.getItem1();
                            SignedCheckpoint latest = state.getItem2();
                            seen(latest);
                            boolean moved = latest == null ? !heads.isEmpty() : !latest.checkpoint().logs().equals(heads);
                            return always || moved ? issue(connection, heads) : Uni.createFrom().nullItem();
                        }));
    }

    /** The periodic run only tries the lock (another instance is publishing: fine); a close waits for it. */
    private static Uni<Boolean> lock(SqlConnection connection, boolean wait) {
        if (wait) {
            return connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
                    .replaceWith(true);
        }
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked").execute(Tuple.of(LOCK_KEY))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    /**
     * The next sequence number is the highest stored plus one, taken under the advisory lock (every publisher holds
     * it), so sequence numbers have no gaps: a missing number is then a deleted checkpoint, which an auditor can
     * tell. A database sequence would leave a gap at every rolled-back publish. {@code max} reads one end of the
     * primary key index. The clock is the database's, like {@code closed_at}: "issued after the close" compares
     * instants of one clock.
     */
    private Uni<SignedCheckpoint> issue(SqlConnection connection, List<LogHead> heads) {
        return connection.query("SELECT coalesce(max(sequence), 0) + 1 AS sequence, clock_timestamp() AS now"
                        + " FROM checkpoints").execute()
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    Checkpoint checkpoint = new Checkpoint(signer.origin(), row.getLong("sequence"),
                            Timestamps.fromSql(row.getOffsetDateTime("now")), heads);
                    SignedCheckpoint signed = signer.sign(checkpoint);
                    return store.insert(connection, signed).replaceWith(signed);
                });
    }

    private void seen(SignedCheckpoint latest) {
        if (latest != null) {
            Instant issuedAt = latest.checkpoint().issuedAt();
            latestIssuedAt.accumulateAndGet(issuedAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    private double latestAgeSeconds() {
        Instant latest = latestIssuedAt.get();
        return latest == null ? Double.NaN : Duration.between(latest, Instant.now()).toMillis() / 1000.0;
    }
}
