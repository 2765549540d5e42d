package votes.infra.gateway.stream;

import io.netty.channel.SingleThreadEventLoop;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The viewers of one event loop that have something to write, served a turn at a time. A publication to 10,000
 * viewers is ~60 ms of socket writes on an idle core, and many times that in wall time on a busy one; done in one
 * go it would hold the loop away from the plain requests it also serves. So a turn serves at most
 * {@link #VIEWERS_PER_TURN} viewers, and the next turn waits for the loop's next iteration, after it has polled its
 * sockets and run what else was queued: a request waits behind one turn, never behind a whole fan-out.
 *
 * <p>Re-queuing the next turn as a plain task would not do that: Netty runs up to 64 queued tasks before it looks
 * at its sockets again. Netty's "after this iteration" queue does; it needs the Netty loop under the Vert.x
 * context (an internal Vert.x interface, stable across 4.x). Without it, a 1 ms timer stands in.
 */
final class DeliveryLane {

    /** ~1 ms of writes on an idle core: the longest a request waits behind viewers on its loop. */
    static final int VIEWERS_PER_TURN = 128;
    /** The fallback pause between turns when the loop is not a Netty single-thread loop. */
    static final long PAUSE_MILLIS = 1;

    private final Context context;
    private final SingleThreadEventLoop loop;
    private final Queue<Viewer> due = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable nextTurn;

    DeliveryLane(Context context) {
        this.context = context;
        this.loop = context instanceof ContextInternal internal
                && internal.nettyEventLoop() instanceof SingleThreadEventLoop netty ? netty : null;
        this.nextTurn = () -> context.runOnContext(v -> serve());
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
            // Still scheduled: the rest after the loop has polled its sockets.
            if (loop != null) {
                loop.executeAfterEventLoopIteration(nextTurn);
            } else {
                context.owner().setTimer(PAUSE_MILLIS, id -> serve());
            }
            return;
        }
        scheduled.set(false);
        if (!due.isEmpty() && scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> serve()); // a viewer came due between the poll and the reset
        }
    }
}
