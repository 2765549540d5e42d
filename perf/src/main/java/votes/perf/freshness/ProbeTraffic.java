package votes.perf.freshness;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import votes.perf.sse.SingleLoop;
import votes.perf.sse.SseStreams;

/**
 * The probes' I/O: votes to the probe polls on ingest (one voter token per probe) and one SSE stream per probe poll
 * on realtime; what they see goes to the {@link ProbeBook} (202 to frame) and the {@link HopBook} (the hops between).
 */
record ProbeTraffic(SingleLoop loop, HttpClient votes, List<String> bearer, List<String> probeIds, ProbeBook book,
                    HopBook hops) {

    void send(ProbeBook.Probe probe) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setURI("/api/v1/polls/" + probeIds.get(probe.poll()) + "/votes")
                .putHeader("Authorization", bearer.get(probe.probe() - 1))
                .putHeader("Content-Type", "application/json")
                .setIdleTimeout(10_000);
        votes.request(request)
                .compose(req -> req.send(Buffer.buffer("{\"optionId\":\"a\"}")))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() == 202) {
                        book.accepted(probe.poll(), System.nanoTime());
                        hops.mark(probe.poll(), Hop.ACCEPTED, probe.probe(), HopWatch.nowMicros());
                    } else {
                        System.err.println("probe " + probe + " refused: " + (ar.succeeded() ? ar.result() : ar.cause()));
                        book.refused(probe.poll());
                    }
                });
    }

    /** One stream per probe poll; a poll created a moment ago may need a few tries before realtime knows it. */
    static void openStreams(SingleLoop loop, HttpClient sse, List<String> probeIds, ProbeBook book, HopBook hops)
            throws Exception {
        for (int p = 0; p < probeIds.size(); p++) {
            int poll = p;
            Exception last = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                try {
                    loop.call(() -> SseStreams.open(sse, probeIds.get(poll), r -> {
                        long total = r.event().longField("totalVotes");
                        if (total >= 0) {
                            book.tally(poll, total, r.nanos());
                            hops.mark(poll, Hop.FRAMED, total, HopWatch.nowMicros());
                        }
                    })).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
                    last = null;
                    break;
                } catch (Exception e) {
                    last = e;
                    Thread.sleep(1000);
                }
            }
            if (last != null) {
                throw new IllegalStateException("cannot open the SSE stream of probe poll " + probeIds.get(poll), last);
            }
        }
    }
}
