package votes.ledger.look;

import io.vertx.mutiny.core.Vertx;

/**
 * When a periodic job of the ledger looks next: one Vert.x timer, armed for the soonest of the looks asked for and
 * not before anyone asks. A job that used to wake every second to find nothing to do asks for a look when something
 * falls due instead (the poll deadlines, the checkpoints); a later ask never postpones an earlier look, and a look
 * that fires is gone until the next ask.
 */
public final class NextLook {

    private final Vertx vertx;
    private final Runnable look;
    private long timerId = -1;
    private long firesAtMs;
    private boolean stopped;

    /** @param look what to run when the timer fires, on the Vert.x context that armed it */
    public NextLook(Vertx vertx, Runnable look) {
        this.vertx = vertx;
        this.look = look;
    }

    /** A look this many milliseconds from now, unless one fires sooner already. */
    public synchronized void within(long delayMs) {
        long atMs = System.currentTimeMillis() + Math.max(0, delayMs);
        if (stopped || timerId >= 0 && atMs >= firesAtMs) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        firesAtMs = atMs;
        // Vert.x timers take at least 1 ms.
        timerId = vertx.setTimer(Math.max(1, delayMs), this::fired);
    }

    /** No look from now on: the one armed is cancelled and later asks are ignored. */
    public synchronized void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    /** @return whether a look is armed */
    public synchronized boolean armed() {
        return timerId >= 0;
    }

    private void fired(long id) {
        synchronized (this) {
            // A timer cancelled while it was already firing, replaced by a sooner one.
            if (id != timerId) {
                return;
            }
            timerId = -1;
        }
        look.run();
    }
}
