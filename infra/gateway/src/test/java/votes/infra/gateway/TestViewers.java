package votes.infra.gateway;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many SSE viewers of the gateway on one event loop, each bound to a loopback source address of its own group
 * (127.0.0.x), so the gateway's per-address cap sees them as different clients. A viewer keeps what it got: the
 * status and type, the blocks of its stream (events, comments, retry) in order, whether its stream ended. They
 * never reconnect: a viewer that still gets events after an upstream restart kept its connection.
 */
public final class TestViewers implements AutoCloseable {

    /** One stream as a browser would see it; every field is written on the viewers' one event loop. */
    public static final class Viewer {
        private final List<Long> ids = new ArrayList<>();
        private final List<String> blocks = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private volatile int status;
        private volatile String contentType = "";
        private volatile String body = "";
        private volatile MultiMap headers;
        private volatile int comments;
        private volatile boolean ended;

        public synchronized List<Long> ids() {
            return List.copyOf(ids);
        }

        public synchronized List<String> blocks() {
            return List.copyOf(blocks);
        }

        public int status() {
            return status;
        }

        public String contentType() {
            return contentType;
        }

        public String header(String name) {
            return headers == null ? null : headers.get(name);
        }

        /** The whole body of a non-stream answer. */
        public String body() {
            return body;
        }

        public int comments() {
            return comments;
        }

        public boolean ended() {
            return ended;
        }

        public synchronized long lastId() {
            return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
        }

        synchronized void feed(String chunk) {
            pending.append(chunk);
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
                String block = pending.substring(0, end);
                pending.delete(0, end + 2);
                blocks.add(block);
                if (block.startsWith(":")) {
                    comments++;
                }
                for (String line : block.split("\n")) {
                    if (line.startsWith("id: ")) {
                        ids.add(Long.parseLong(line.substring(4)));
                    }
                }
            }
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final List<HttpClient> clients = new ArrayList<>();
    private int opened;

    /** @param addresses source addresses 127.0.0.{first}…127.0.0.{first + addresses - 1} */
    public TestViewers(int gatewayPort, int first, int addresses, int perAddress) {
        for (int a = 0; a < addresses; a++) {
            clients.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                            .setDefaultPort(gatewayPort).setLocalAddress("127.0.0." + (first + a)).setKeepAlive(true)
                            .setConnectTimeout(10_000),
                    new PoolOptions().setHttp1MaxSize(perAddress).setMaxWaitQueueSize(-1)));
        }
    }

    /** Opens {@code n} more streams (spread over the addresses) and waits until each has its status. */
    public List<Viewer> open(String uri, int n, String lastEventId) throws Exception {
        List<Viewer> viewers = new ArrayList<>();
        List<CompletableFuture<Void>> answered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Viewer viewer = new Viewer();
            viewers.add(viewer);
            // Round robin across calls too: each client's pool holds only its share of the streams.
            answered.add(open(clients.get(opened++ % clients.size()), uri, lastEventId, viewer).toCompletionStage()
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return viewers;
    }

    private Future<Void> open(HttpClient client, String uri, String lastEventId, Viewer viewer) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                .putHeader("Accept", "text/event-stream");
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId);
        }
        return client.request(options).compose(req -> req.send()).compose(resp -> {
            viewer.status = resp.statusCode();
            viewer.headers = resp.headers();
            viewer.contentType = String.valueOf(resp.getHeader("Content-Type"));
            if (resp.statusCode() != 200) {
                return resp.body().map(b -> {
                    viewer.body = b.toString();
                    viewer.ended = true;
                    return null;
                });
            }
            resp.handler(chunk -> viewer.feed(chunk.toString()));
            resp.endHandler(v -> viewer.ended = true);
            resp.exceptionHandler(e -> viewer.ended = true);
            return Future.<Void>succeededFuture();
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
