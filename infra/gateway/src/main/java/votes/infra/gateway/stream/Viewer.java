package votes.infra.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import votes.events.stream.SseDelivery;
import votes.events.stream.SseFrame;
import votes.infra.gateway.problem.ProblemReply;
import votes.kit.problem.Problem;

/**
 * One viewer's stream through the gateway. Its relay may call it from another event loop; every write happens on
 * the viewer's own connection's event loop, through {@link SseDelivery} as realtime writes its clients: a slow viewer
 * keeps only the newest event pending and gets it when its socket drains, so it slows no other viewer and not the relay.
 */
final class Viewer {

    private final HttpServerResponse response;
    private final Context context;
    private final DeliveryLane lane;
    private final SseDelivery delivery;
    private final String requestId;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile PollRelay relay;
    private volatile boolean streaming;
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile boolean closed;

    Viewer(HttpServerResponse response, Context context, DeliveryLane lane, long lastSeenVersion, String requestId) {
        this.response = response;
        this.context = context;
        this.lane = lane;
        this.delivery = new SseDelivery(response, lastSeenVersion);
        this.requestId = requestId;
    }

    Context context() {
        return context;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * The viewer's connection went away. Its relay learns it here or, if it was still joining, sees it in
     * {@link #isClosed} right after {@link #joined} (both fields volatile: one side always sees the other).
     */
    void closed() {
        closed = true;
        PollRelay joinedTo = relay;
        if (joinedTo != null) {
            joinedTo.leave(this);
        }
    }

    void joined(PollRelay joinedTo) {
        relay = joinedTo;
    }

    /** The upstream stream is open: send the stream's head and {@code retry:}, then whatever is pending. */
    void start(long retryMillis) {
        context.runOnContext(v -> {
            if (closed || response.closed() || response.headWritten()) {
                return;
            }
            response.putHeader(StreamRelay.REQUEST_ID, requestId);
            delivery.open(retryMillis);
            lastWriteNanos = System.nanoTime();
            streaming = true;
            deliver();
        });
    }

    void offer(SseFrame event) {
        delivery.offer(event);
        schedule();
    }

    /**
     * A comment, unless bytes went out within {@code recentNanos}: while events flow, 10,000 viewers cost no
     * keep-alive writes; the longest silence is one heartbeat interval plus {@code recentNanos}.
     */
    void heartbeat(long nowNanos, long recentNanos) {
        if (nowNanos - lastWriteNanos < recentNanos) {
            return;
        }
        delivery.heartbeatDue();
        schedule();
    }

    /** realtime did not open the stream: the viewer gets its answer as it came (status, type, body), once. */
    void answer(UpstreamAnswer answer) {
        context.runOnContext(v -> {
            if (closed || response.closed() || response.headWritten()) {
                return;
            }
            response.setStatusCode(answer.status());
            answer.headers().forEach(response::putHeader);
            response.putHeader(StreamRelay.REQUEST_ID, requestId).end(answer.body());
        });
    }

    void refuse(Problem problem) {
        context.runOnContext(v -> {
            if (!closed) {
                response.putHeader(StreamRelay.REQUEST_ID, requestId);
                ProblemReply.send(response, problem, null);
            }
        });
    }

    private void schedule() {
        // Many offers before the event loop gets to us collapse into one delivery.
        if (streaming && !closed && scheduled.compareAndSet(false, true)) {
            lane.due(this);
        }
    }

    /** On the viewer's event loop (its lane, or its drain handler). */
    void deliver() {
        scheduled.set(false);
        if (!closed && delivery.deliver(this::deliver)) {
            lastWriteNanos = System.nanoTime();
        }
    }
}
