package votes.infra.gateway.stream;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The viewers of one event loop that have something to write, served in short turns. A publication to 10,000
 * viewers is ~60 ms of socket writes on an idle core, and many times that in wall time on a busy one; done in
 * one go it would hold the loop away from the plain requests it also serves. So a turn serves at most
 * {@link #VIEWERS_PER_TURN} viewers, then the fan-out pauses for {@link #PAUSE_MILLIS} while the loop polls its
 * sockets: a request waits behind one turn, never behind a whole fan-out. (Re-queuing the next turn as a task would
 * not do: Netty runs up to 64 queued tasks before it looks at its sockets again. And a turn bounded by wall time
 * would shrink to a viewer or two whenever the core is short, and the fan-out with it.) The price: ~1 ms per turn,
 * some 40 ms more for 10,000 viewers on two loops.
 */
final class DeliveryLane {

    /** Under a millisecond of writes on an idle core: the longest a request waits behind viewers on its loop. */
    static final int VIEWERS_PER_TURN = 128;
    /** The shortest timer. */
    static final long PAUSE_MILLIS = 1;

    private final Context context;
    private final Queue<Viewer> due = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    DeliveryLane(Context context) {
        this.context = context;
    }

    /** From any thread: the viewer has something to write (it asks once until it has been served). */
    void due(Viewer viewer) {
        due.add(viewer);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> serve());
        }
    }

    private void serve() {
        for (int i = 0; i < VIEWERS_PER_TURN; i++) {
            Viewer viewer = due.poll();
            if (viewer == null) {
                break;
            }
            viewer.deliver();
        }
        if (!due.isEmpty()) {
            context.owner().setTimer(PAUSE_MILLIS, id -> serve()); // still scheduled: the rest after a look at the sockets
            return;
        }
        scheduled.set(false);
        if (!due.isEmpty() && scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> serve()); // a viewer came due between the poll and the reset
        }
    }
}
