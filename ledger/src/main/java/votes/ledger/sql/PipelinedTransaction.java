package votes.ledger.sql;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A transaction whose BEGIN, and its COMMIT where the caller allows, travel with its statements instead of in
 * round trips of their own. Vert.x's {@code Pool.withTransaction} waits for BEGIN's reply before it sends the first
 * statement, and for every statement's reply before it sends COMMIT: a batch that reads once and writes once makes
 * four round trips, each a wake-up of a PostgreSQL backend and of the ledger's event loop, which is what a vote
 * costs at live rates (perf/RESULTS.md, "Cost per vote counted in thread runs"). Here BEGIN goes out in front of the
 * first statements, and a caller whose last statements leave nothing for Java to check (PostgreSQL's own constraints
 * refuse what must be refused) sends {@link #commit} right behind them: two round trips.
 *
 * <p>Why a COMMIT sent behind a failing statement is safe: PostgreSQL refuses every statement after the failure and
 * answers the COMMIT with ROLLBACK, so nothing of the transaction commits, and the failure still reaches the caller
 * through the failed statement. A caller must therefore never recover a statement's failure inside a transaction
 * whose COMMIT it sends early. Any failure ends in ROLLBACK (a warning only if the COMMIT already ended the
 * transaction), so a connection never goes back to the pool inside a transaction.
 *
 * <p>BEGIN fails only with its connection, and then so does every statement queued behind it on that connection.
 */
public final class PipelinedTransaction {

    private final SqlConnection connection;
    // Set where the COMMIT is sent, read where the work's Uni completes: possibly different threads.
    private volatile boolean commitSent;
    private final List<Runnable> onCommit = new CopyOnWriteArrayList<>();

    private PipelinedTransaction(SqlConnection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code work} in one transaction on a connection of {@code pool}: commits when its Uni succeeds (unless
     * it sent {@link #commit} itself), rolls back when it fails, and returns the connection in either case. Like
     * Vert.x's {@code withTransaction}, the transaction runs to its end even if the caller cancels (an HTTP client
     * that goes away): cancelled halfway, it would give its connection back to the pool inside the transaction.
     */
    public static <T> Uni<T> run(Pool pool, Function<PipelinedTransaction, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<T> ended = new CompletableFuture<>();
            // Subscribed here, not by the caller: the caller's cancellation reaches `ended` only.
            transaction(pool, work).subscribe().with(ended::complete, ended::completeExceptionally);
            return Uni.createFrom().completionStage(ended);
        });
    }

    private static <T> Uni<T> transaction(Pool pool, Function<PipelinedTransaction, Uni<T>> work) {
        return pool.getConnection().flatMap(connection -> {
            PipelinedTransaction transaction = new PipelinedTransaction(connection);
            // Combined in this order, BEGIN is sent before any statement of the work.
            return Uni.combine().all()
                    .unis(statement(connection, "BEGIN"), Uni.createFrom().deferred(() -> work.apply(transaction)))
                    .asTuple()
                    .map(Tuple2::getItem2)
                    .call(() -> transaction.commitSent ? Uni.createFrom().voidItem() : statement(connection, "COMMIT"))
                    .invoke(transaction::committed)
                    .onFailure().call(() -> {
                        if (transaction.commitSent) {
                            transaction.committed();
                        }
                        return statement(connection, "ROLLBACK").onFailure().recoverWithNull();
                    })
                    .eventually(() -> connection.close());
        });
    }

    /** The transaction's connection: statements sent on it run inside the transaction, in the order sent. */
    public SqlConnection connection() {
        return connection;
    }

    /**
     * COMMIT, sent when subscribed: right behind the statements already sent, without waiting for their replies.
     * Subscribe it in the same combination as the transaction's last statements, after them.
     */
    public Uni<Void> commit() {
        return Uni.createFrom().deferred(() -> {
            commitSent = true;
            return statement(connection, "COMMIT");
        });
    }

    /**
     * Runs {@code action} once the transaction committed, or may have: also after a failure that followed an early
     * {@link #commit}, whose reply cannot tell a COMMIT from the ROLLBACK a failed statement turned it into. So the
     * action must be harmless when nothing committed.
     */
    public void onCommit(Runnable action) {
        onCommit.add(action);
    }

    private void committed() {
        onCommit.forEach(Runnable::run);
    }

    private static Uni<Void> statement(SqlConnection connection, String sql) {
        return connection.query(sql).execute().replaceWithVoid();
    }
}
