package votes.ledger.merkle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this instance committed a move of any Merkle log since the checkpoint publisher last looked. An idle
 * ledger then skips the periodic checkpoint transaction (its lock, heads and latest-checkpoint reads) instead of
 * running it every interval to find nothing moved.
 *
 * <p>Set only after the moving transaction committed: a look that clears it and then reads the heads cannot miss a
 * move, because a move the heads did not show yet sets it again. True at start: a previous process may have
 * committed moves no checkpoint covers.
 */
@ApplicationScoped
public class LogMoves {

    private final AtomicBoolean moved = new AtomicBoolean(true);
    private volatile Runnable whenMarked = () -> { };

    /**
     * Runs {@code look} each time the mark is set after a look took it, so a look is asked for only when there is
     * something to look at. It runs on the thread that set the mark: it must not block.
     */
    public void whenMarked(Runnable look) {
        whenMarked = look;
    }

    /** A transaction that moved a log committed. */
    void committed() {
        mark();
    }

    /** @return whether a log moved since the last call; clears the mark */
    public boolean take() {
        return moved.getAndSet(false);
    }

    /** @return whether a log moved since the last look, without taking the mark */
    public boolean marked() {
        return moved.get();
    }

    /** The look that took the mark did not cover the moves (another instance held the lock, or it failed). */
    public void keep() {
        mark();
    }

    private void mark() {
        if (!moved.getAndSet(true)) {
            whenMarked.run();
        }
    }
}
