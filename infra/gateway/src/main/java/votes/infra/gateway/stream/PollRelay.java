package votes.infra.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import votes.events.stream.SseFrame;

/**
 * One upstream subscription to realtime (one results stream URI, so one poll) shared by all the gateway's viewers
 * of it: the latest event is cached, a new viewer gets it first (if newer than its Last-Event-ID), every new
 * event is offered to every viewer's cursor. realtime dropped (restarted): reconnect with backoff and
 * {@code Last-Event-ID} = the newest version seen, while viewers stay connected. No viewer left: the
 * subscription ends after a grace period. realtime answered something else than 200 before the stream ever
 * opened (404 for an unknown poll, say): the waiting viewers get that answer as is, and nothing is cached.
 *
 * <p>All state is confined to one event loop ({@code context}, the first viewer's); other loops hand work to it.
 * The viewer set is concurrent only so that publications and heartbeats can iterate it.
 */
final class PollRelay {

    private final String uri;
    private final Context context;
    private final StreamRelay owner;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final List<Viewer> waiting = new ArrayList<>();
    private SseFrame latest;
    private boolean live;
    private boolean connecting;
    private boolean closed;
    private volatile boolean connected;
    private HttpConnection connection;
    private int exchanges;
    private int current;
    private int failures;
    private long graceTimer = -1;
    private long reconnectTimer = -1;

    PollRelay(String uri, Context context, StreamRelay owner) {
        this.uri = uri;
        this.context = context;
        this.owner = owner;
    }

    void join(Viewer viewer) {
        context.runOnContext(v -> {
            if (closed) {
                owner.join(uri, viewer); // ended just now: a fresh subscription takes the viewer
                return;
            }
            viewer.joined(this);
            cancelGrace();
            if (live) {
                admit(viewer);
            } else {
                waiting.add(viewer);
                if (!connecting) {
                    connect();
                }
            }
            if (viewer.isClosed()) {
                remove(viewer); // it went away while this task was queued (see Viewer#joined)
            }
        });
    }

    void leave(Viewer viewer) {
        context.runOnContext(v -> remove(viewer));
    }

    /** From the gateway's one heartbeat timer, on any thread. */
    void heartbeat(long nowNanos, long recentNanos) {
        for (Viewer viewer : viewers) {
            viewer.heartbeat(nowNanos, recentNanos);
        }
    }

    int viewers() {
        return viewers.size();
    }

    boolean connected() {
        return connected;
    }

    private void remove(Viewer viewer) {
        viewers.remove(viewer);
        waiting.remove(viewer);
        if (!closed && viewers.isEmpty() && waiting.isEmpty() && graceTimer < 0) {
            graceTimer = owner.vertx().setTimer(owner.settings().grace().toMillis(), id -> {
                graceTimer = -1;
                if (viewers.isEmpty() && waiting.isEmpty()) {
                    close();
                }
            });
        }
    }

    private void cancelGrace() {
        if (graceTimer >= 0) {
            owner.vertx().cancelTimer(graceTimer);
            graceTimer = -1;
        }
    }

    private void admit(Viewer viewer) {
        viewers.add(viewer);
        viewer.start(owner.settings().retry().toMillis());
        if (latest != null) {
            viewer.offer(latest); // its cursor drops it if its Last-Event-ID already covers it
        }
    }

    private void connect() {
        int mine = ++exchanges;
        current = mine;
        connecting = true;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                .putHeader(HttpHeaders.ACCEPT, "text/event-stream")
                .setIdleTimeout(owner.settings().upstreamIdleTimeout().toMillis());
        if (latest != null) {
            options.putHeader("Last-Event-ID", Long.toString(latest.version()));
        }
        // Called on this relay's event loop, so every callback of the exchange comes back to it.
        owner.upstream().request(options).compose(HttpClientRequest::send).onComplete(ar -> {
            if (mine != current) {
                return;
            }
            connecting = false;
            if (ar.succeeded()) {
                answered(mine, ar.result());
            } else {
                failed(ar.cause());
            }
        });
    }

    private void answered(int mine, HttpClientResponse response) {
        if (closed) {
            response.request().connection().close();
            return;
        }
        if (response.statusCode() == 200) {
            opened(mine, response);
        } else if (live) {
            // Streaming viewers cannot be told a status any more: keep them, and ask again later (a realtime
            // that has just restarted answers 404 until it has read the tallies again).
            response.body();
            reconnectLater();
        } else {
            int status = response.statusCode();
            response.body().onComplete(body -> {
                UpstreamAnswer answer = UpstreamAnswer.of(status, response.headers(),
                        body.succeeded() ? body.result() : Buffer.buffer());
                waiting.forEach(v -> v.answer(answer));
                waiting.clear();
                close();
            });
        }
    }

    private void opened(int mine, HttpClientResponse response) {
        connection = response.request().connection();
        connected = true;
        live = true;
        failures = 0;
        EventStreamParser parser = new EventStreamParser(this::published);
        response.handler(chunk -> parser.feed(chunk.getBytes()));
        response.exceptionHandler(e -> dropped(mine));
        response.endHandler(v -> dropped(mine));
        waiting.forEach(this::admit);
        waiting.clear();
    }

    private void failed(Throwable cause) {
        if (closed) {
            return;
        }
        if (live) {
            reconnectLater();
            return;
        }
        var problem = owner.problemFor(cause);
        waiting.forEach(v -> v.refuse(problem));
        waiting.clear();
        close();
    }

    private void dropped(int mine) {
        if (mine != current || closed) {
            return;
        }
        current = 0;
        connection = null;
        connected = false;
        if (viewers.isEmpty() && waiting.isEmpty()) {
            close();
        } else {
            reconnectLater();
        }
    }

    private void reconnectLater() {
        connected = false;
        failures++;
        owner.reconnecting();
        long delay = owner.settings().backoff().delayMillis(failures, ThreadLocalRandom.current().nextDouble());
        reconnectTimer = owner.vertx().setTimer(delay, id -> {
            reconnectTimer = -1;
            if (!closed) {
                connect();
            }
        });
    }

    private void published(SseFrame event) {
        if (latest != null && event.version() <= latest.version()) {
            return;
        }
        latest = event;
        for (Viewer viewer : viewers) {
            viewer.offer(event);
        }
    }

    private void close() {
        closed = true;
        connected = false;
        current = 0;
        owner.remove(uri, this);
        cancelGrace();
        if (reconnectTimer >= 0) {
            owner.vertx().cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
