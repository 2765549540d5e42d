package votes.ledger.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.test.LocalStackResource;

/**
 * The early BEGIN and COMMIT on the real server, through a pool of ONE connection, so every transaction after the
 * first runs on the connection the first one gave back: a connection returned inside a transaction would show.
 * {@code tally_deltas} is the scratch table (the ledger may insert into it; {@code vote_count > 0} makes a row fail
 * on demand), each test under a poll id of its own that no poll has.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class PipelinedTransactionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String INSERT = "INSERT INTO tally_deltas (delta_id, poll_id, option_id, vote_count)"
            + " VALUES ($1, $2, 'a', $3)";
    /** check_violation: the row that fails on demand. */
    private static final String CHECK_VIOLATION = "23514";

    @Inject
    Vertx vertx;

    private Pool pool;
    private final String pollId = "pipelined-" + UUID.randomUUID();

    @BeforeEach
    void oneConnection() {
        DatabaseLogin login = LocalStackResource.stack().pgLogin(DatabaseRole.LEDGER);
        PgConnectOptions options = PgConnectOptions.fromUri(LocalStackResource.stack().reactiveUrl())
                .setUser(login.user()).setPassword(login.password());
        pool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(1));
    }

    @AfterEach
    void close() {
        pool.closeAndAwait();
    }

    @Test
    void aCommitSentBehindTheRowsCommitsThemAndRunsTheCommitHooks() {
        AtomicInteger hooks = new AtomicInteger();

        PipelinedTransaction.run(pool, transaction -> {
            transaction.onCommit(hooks::incrementAndGet);
            return Uni.combine().all().unis(insert(transaction, 1), insert(transaction, 2), transaction.commit())
                    .discardItems();
        }).await().atMost(PATIENCE);

        assertThat(deltaRows()).isEqualTo(2);
        assertThat(hooks).hasValue(1);
        assertOutsideATransaction();
    }

    @Test
    void aCommitSentBehindAFailingStatementCommitsNothingAndTheFailureReachesTheCaller() {
        assertThatThrownBy(() -> PipelinedTransaction.run(pool, transaction -> Uni.combine().all()
                        .unis(insert(transaction, 1), insert(transaction, 0), transaction.commit())
                        .discardItems())
                .await().atMost(PATIENCE))
                .satisfies(failure -> assertThat(SqlStates.sqlState(failure)).isEqualTo(CHECK_VIOLATION));

        assertThat(deltaRows()).isZero();
        assertOutsideATransaction();
    }

    @Test
    void theStatementsSentWithBeginAreRolledBackWhenTheWorkFailsAndNoHookRuns() {
        AtomicInteger hooks = new AtomicInteger();

        assertThatThrownBy(() -> PipelinedTransaction.run(pool, transaction -> {
            transaction.onCommit(hooks::incrementAndGet);
            return insert(transaction, 1).map(inserted -> {
                throw new IllegalStateException("the plan refused what the statement wrote");
            });
        }).await().atMost(PATIENCE)).isInstanceOf(IllegalStateException.class);

        assertThat(deltaRows()).isZero();
        assertThat(hooks).hasValue(0);
        assertOutsideATransaction();
    }

    @Test
    void withoutAnEarlyCommitTheTransactionCommitsWhenTheWorkSucceeds() {
        PipelinedTransaction.run(pool, transaction -> insert(transaction, 3)).await().atMost(PATIENCE);

        assertThat(deltaRows()).isEqualTo(1);
        assertOutsideATransaction();
    }

    @Test
    void aCallerThatCancelsHalfwayLeavesTheTransactionToEndAndTheConnectionToComeBack() {
        PipelinedTransaction.run(pool, transaction -> insert(transaction, 1)
                        .onItem().delayIt().by(Duration.ofMillis(300)))
                .subscribe().with(done -> { }, failure -> { })
                .cancel();

        // One connection: this waits for the transaction to give it back, and fails the test if it never does.
        assertThat(deltaRows()).as("the transaction ran to its commit").isEqualTo(1);
        assertOutsideATransaction();
    }

    private Uni<Void> insert(PipelinedTransaction transaction, int voteCount) {
        return transaction.connection().preparedQuery(INSERT)
                .execute(Tuple.of(UUID.randomUUID(), pollId, voteCount)).replaceWithVoid();
    }

    private long deltaRows() {
        return pool.preparedQuery("SELECT count(*) AS n FROM tally_deltas WHERE poll_id = $1")
                .execute(Tuple.of(pollId)).await().atMost(PATIENCE).iterator().next().getLong("n");
    }

    /**
     * On the pool's one connection: outside a transaction, each statement is its own, so its start is the
     * transaction's; inside one left open (or aborted) it would be later (or refused).
     */
    private void assertOutsideATransaction() {
        boolean outside = pool.query("SELECT now() = statement_timestamp() AS outside").execute()
                .await().atMost(PATIENCE).iterator().next().getBoolean("outside");
        assertThat(outside).as("the connection is back outside any transaction").isTrue();
    }
}
