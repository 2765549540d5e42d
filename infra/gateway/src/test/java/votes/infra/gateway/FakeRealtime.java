package votes.infra.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for realtime behind the gateway, speaking its stream protocol (README "SSE design"): {@code retry:}
 * first, the current state unless Last-Event-ID covers it, every later state as {@code event: tally} with
 * {@code id:} = version, {@code : keep-alive} comments, 404 problem+json for an unknown poll after a short wait;
 * {@code GET …/results} as JSON. It records every stream request's Last-Event-ID, and can be stopped (every
 * connection cut, as a killed realtime) and started again on the same port. Plus ingest's {@code POST …/votes}
 * (202) on a second port.
 */
public final class FakeRealtime implements AutoCloseable {

    private static final Pattern STREAM = Pattern.compile("^/api/v1/polls/([^/]+)/results/stream$");
    private static final Pattern RESULTS = Pattern.compile("^/api/v1/polls/([^/]+)/results$");
    private static final Duration UNKNOWN_POLL_WAIT = Duration.ofMillis(300);
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final int port;
    private final int ingestPort;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Set<HttpServerResponse>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> streamRequests = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private HttpServer ingest;

    private FakeRealtime(int port, int ingestPort) {
        this.port = port;
        this.ingestPort = ingestPort;
        vertx.setPeriodic(HEARTBEAT.toMillis(), id -> subscribers.values()
                .forEach(set -> set.forEach(r -> r.write(": keep-alive\n\n"))));
    }

    public static FakeRealtime start(int port, int ingestPort) throws Exception {
        FakeRealtime fake = new FakeRealtime(port, ingestPort);
        fake.startRealtime();
        fake.ingest = fake.vertx.createHttpServer().requestHandler(r -> r.body().onComplete(b ->
                        r.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                                .end("{\"status\":\"accepted\"}")))
                .listen(ingestPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return fake;
    }

    public void startRealtime() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle)
                .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** As a killed realtime: the port closes and every open stream is cut. */
    public void stopRealtime() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        subscribers.clear();
    }

    /** A poll's state changes to {@code version}: every open stream of it gets the frame. */
    public void publish(String poll, long version) {
        versions.put(poll, version);
        String frame = frame(poll, version);
        subscribers.getOrDefault(poll, Set.of()).forEach(r -> r.write(frame));
    }

    /** Known poll whose state is {@code version}, no frame sent (as while realtime is down). */
    public void setVersion(String poll, long version) {
        versions.put(poll, version);
    }

    /** Streams of the poll open on this realtime right now. */
    public int subscribers(String poll) {
        return subscribers.getOrDefault(poll, Set.of()).size();
    }

    /** Every stream request of the poll so far, as its Last-Event-ID header ("" when absent). */
    public List<String> streamRequests(String poll) {
        return List.copyOf(streamRequests.getOrDefault(poll, List.of()));
    }

    private void handle(HttpServerRequest request) {
        Matcher stream = STREAM.matcher(request.path());
        Matcher results = RESULTS.matcher(request.path());
        if (stream.matches()) {
            stream(request, stream.group(1));
        } else if (results.matches()) {
            Long version = versions.get(results.group(1));
            if (version == null) {
                notFound(request.response(), results.group(1));
            } else {
                request.response().putHeader("Content-Type", "application/json")
                        .end("{\"pollId\":\"" + results.group(1) + "\",\"version\":" + version + "}");
            }
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void stream(HttpServerRequest request, String poll) {
        String lastEventId = request.getHeader("Last-Event-ID");
        streamRequests.computeIfAbsent(poll, p -> new CopyOnWriteArrayList<>()).add(lastEventId == null ? "" : lastEventId);
        HttpServerResponse response = request.response();
        if (!versions.containsKey(poll)) {
            vertx.setTimer(UNKNOWN_POLL_WAIT.toMillis(), id -> notFound(response, poll));
            return;
        }
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8").write("retry: 2000\n\n");
        Set<HttpServerResponse> set = subscribers.computeIfAbsent(poll, p -> ConcurrentHashMap.newKeySet());
        set.add(response);
        response.closeHandler(v -> set.remove(response));
        long seen = lastEventId == null ? -1 : Long.parseLong(lastEventId);
        long now = versions.get(poll);
        if (now > seen) {
            response.write(frame(poll, now));
        }
    }

    private static void notFound(HttpServerResponse response, String poll) {
        response.setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"https://votes.dev/problems/poll-not-found\",\"title\":\"No such poll\",\"status\":404,"
                        + "\"detail\":\"no results for poll " + poll + "\"}");
    }

    private static String frame(String poll, long version) {
        return "event: tally\nid: " + version + "\ndata: {\"pollId\":\"" + poll + "\",\"version\":" + version + "}\n\n";
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
