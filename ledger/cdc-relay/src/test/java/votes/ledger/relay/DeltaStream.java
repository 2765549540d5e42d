package votes.ledger.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Commits one tally_deltas row at a time, as fast as a row a millisecond, in the background, and remembers every
 * row PostgreSQL acknowledged. While PostgreSQL is down it retries the connection (rows it could not commit are
 * simply not remembered), so a test can restart anything in the middle of the stream.
 */
final class DeltaStream implements AutoCloseable {

    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(200);

    private final LedgerDatabase database;
    private final String pollId;
    private final List<UUID> committed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger outages = new AtomicInteger();
    private final Thread writer;

    DeltaStream(LedgerDatabase database, String pollId) {
        this.database = database;
        this.pollId = pollId;
        this.writer = new Thread(this::write, "delta-writer");
        writer.start();
    }

    List<UUID> committed() {
        return committed;
    }

    /** How many times a connection broke or could not be opened (PostgreSQL stopped) while writing. */
    int outages() {
        return outages.get();
    }

    private void write() {
        while (writing.get()) {
            try (Connection connection = database.connect(); PreparedStatement insert = LedgerDatabase.deltaInsert(connection)) {
                while (writing.get()) {
                    UUID id = UUID.randomUUID();
                    LedgerDatabase.insertDelta(insert, id, pollId, "a", 1);
                    committed.add(id);
                    // Pacing the load (about a row a millisecond), not waiting for anything.
                    Thread.sleep(1);
                }
            } catch (SQLException e) {
                outages.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Back-off between connection attempts while PostgreSQL is down: pacing the writer, not a test's wait. */
    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops writing and waits for the writer; {@link #committed()} is final afterwards. */
    @Override
    public void close() throws InterruptedException {
        writing.set(false);
        writer.join();
    }
}
