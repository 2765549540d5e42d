package votes.ledger.poll;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import votes.events.poll.Poll;
import votes.events.poll.PollClosed;
import votes.events.poll.PollCreated;
import votes.ledger.sql.PipelinedTransaction;
import votes.ledger.sql.Timestamps;

/**
 * The {@code polls} table: a projection of {@code poll-events}. Every write is idempotent, so the HTTP handler
 * that appended an event and the consumer that later reads it back may both apply it, in any order.
 */
@ApplicationScoped
public class PollStore {

    private final Pool pool;

    PollStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> apply(PollCreated created) {
        return pool.preparedQuery("""
                        INSERT INTO polls (poll_id, title, options, opens_at, closes_at, closed_at, created_at)
                        VALUES ($1, $2, $3, $4, $5, NULL, $6)
                        ON CONFLICT (poll_id) DO NOTHING""")
                .execute(Tuple.tuple()
                        .addString(created.pollId())
                        .addString(created.title())
                        .addValue(PollRows.optionsJson(created.options()))
                        .addOffsetDateTime(Timestamps.toSql(created.opensAt()))
                        .addOffsetDateTime(Timestamps.toSql(created.closesAt()))
                        .addOffsetDateTime(Timestamps.toSql(created.createdAt())))
                .replaceWithVoid();
    }

    /**
     * Keeps the earliest close, as {@link Poll#evolve} does: a re-appended or replayed close never reopens. Marks the
     * close as logged: it came from poll-events, so the deadline timer has nothing left to append for this poll.
     */
    public Uni<Void> apply(PollClosed closed) {
        return pool.preparedQuery("""
                        UPDATE polls SET closed_at = LEAST(closed_at, $2), close_logged = true
                        WHERE poll_id = $1 AND (closed_at IS NULL OR closed_at > $2 OR NOT close_logged)""")
                .execute(Tuple.of(closed.pollId(), Timestamps.toSql(closed.closedAt())))
                .replaceWithVoid();
    }

    /** @return the poll, or null when there is none */
    public Uni<Poll> find(String pollId) {
        return pool.preparedQuery("SELECT " + PollRows.COLUMNS + " FROM polls WHERE poll_id = $1")
                .execute(Tuple.of(pollId))
                .map(rows -> rows.size() == 0 ? null : PollRows.toPoll(rows.iterator().next()));
    }

    public Uni<List<Poll>> newestFirst(int limit) {
        return pool.preparedQuery("SELECT " + PollRows.COLUMNS
                        + " FROM polls ORDER BY created_at DESC, poll_id DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(PollStore::polls);
    }

    /**
     * Closes the poll now, once. Why a locked row and the database's clock: the rule counts a vote iff
     * {@code submittedAt < closedAt}, and a replay of the log must reach the ledger's verdicts. Vote batches read
     * their polls {@code FOR SHARE} inside their own transaction, so this {@code FOR UPDATE} waits for every
     * batch that already read the poll as open (their votes were submitted before now) and every later batch
     * sees {@code closed_at}. {@code clock_timestamp()} is taken after the lock is granted, so no committed
     * recorded vote of this poll was judged against a window that a later close would cut. An already closed
     * poll keeps its first {@code closed_at}, so a retried close re-appends the same fact.
     *
     * @return the poll as closed, or null when there is no such poll
     */
    public Uni<Poll> close(String pollId) {
        return PipelinedTransaction.run(pool, transaction -> transaction.connection()
                .preparedQuery("SELECT poll_id FROM polls WHERE poll_id = $1 FOR UPDATE")
                .execute(Tuple.of(pollId))
                .flatMap(locked -> locked.size() == 0
                        ? Uni.createFrom().nullItem()
                        // Past its deadline a poll closed at the deadline: that is when votes stopped counting.
                        : transaction.connection().preparedQuery("UPDATE polls SET closed_at = COALESCE(closed_at,"
                                        + " LEAST(closes_at, clock_timestamp())) WHERE poll_id = $1 RETURNING "
                                        + PollRows.COLUMNS)
                                .execute(Tuple.of(pollId))
                                .map(rows -> PollRows.toPoll(rows.iterator().next()))));
    }

    /**
     * Polls whose close poll-events does not hold yet although it is due: past {@code closes_at} and not closed, or
     * closed here longer than {@code settle} ago (an admin's close whose append failed) — the timer closes and
     * appends them. The settle keeps a close that is on its way to the projector from being appended twice.
     */
    public Uni<List<String>> closesDue(Duration settle, int limit) {
        return pool.preparedQuery("""
                        SELECT poll_id FROM polls
                        WHERE NOT close_logged
                          AND ((closed_at IS NULL AND closes_at <= now())
                               OR closed_at < now() - make_interval(secs => $1))
                        ORDER BY closes_at NULLS LAST, poll_id LIMIT $2""")
                .execute(Tuple.of(settle.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<String> due = new ArrayList<>(rows.size());
                    rows.forEach(row -> due.add(row.getString("poll_id")));
                    return due;
                });
    }

    /**
     * How long until {@link #closesDue} has something again, by the database's clock (the one it compares with):
     * the earliest deadline of a poll not closed, or the earliest {@code closed_at + settle} of a close not logged.
     *
     * @return milliseconds, zero or less when something is due now, or a null item when nothing will be
     */
    public Uni<Long> millisToNextDue(Duration settle) {
        return pool.preparedQuery("""
                        SELECT (EXTRACT(EPOCH FROM min(due) - now()) * 1000)::bigint AS millis FROM (
                          SELECT CASE WHEN closed_at IS NULL THEN closes_at
                                      ELSE closed_at + make_interval(secs => $1) END AS due
                          FROM polls WHERE NOT close_logged) pending""")
                .execute(Tuple.of(settle.toMillis() / 1000.0))
                .map(rows -> rows.iterator().next().getLong("millis"));
    }

    /** poll-events acknowledged this poll's PollClosed: nothing left for the deadline timer to append. */
    public Uni<Void> closeLogged(String pollId) {
        return pool.preparedQuery("UPDATE polls SET close_logged = true WHERE poll_id = $1 AND NOT close_logged")
                .execute(Tuple.of(pollId))
                .replaceWithVoid();
    }

    private static List<Poll> polls(RowSet<Row> rows) {
        List<Poll> polls = new ArrayList<>(rows.size());
        rows.forEach(row -> polls.add(PollRows.toPoll(row)));
        return polls;
    }
}
