package votes.infra.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.gateway.FakeRealtime;
import votes.infra.gateway.GatewayBench;
import votes.infra.gateway.RunningGateway;
import votes.infra.gateway.TestViewers;
import votes.infra.gateway.TestViewers.Viewer;
import votes.infra.stack.Probes;

/**
 * Results streams through the real gateway, relayed from one upstream subscription per poll, against a realtime
 * stand-in that speaks its protocol and can be killed and restarted. Viewers come from 127.0.0.x source addresses
 * so the per-address cap sees many clients, as it would in production.
 */
class StreamRelayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GatewayBench BENCH = new GatewayBench(Map.of(
            "GATEWAY_EVENT_LOOPS", "2",
            "GATEWAY_MAX_CONNECTIONS_PER_CLIENT", "100",
            // The default idle timeout (30 s): a loaded machine stalls event loops for seconds. ClientLimitsIT
            // checks a short one.
            "GATEWAY_SSE_HEARTBEAT", "300ms",
            "GATEWAY_SSE_UPSTREAM_IDLE_TIMEOUT", "3s",
            "GATEWAY_SSE_RECONNECT_MIN", "100ms",
            "GATEWAY_SSE_RECONNECT_MAX", "500ms",
            "GATEWAY_SSE_GRACE", "1s",
            // Far fewer pooled connections than polls streamed below: streams must not need them.
            "GATEWAY_UPSTREAM_POOL_SIZE", "4"));
    static FakeRealtime realtime;
    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        realtime = BENCH.realtime();
        gateway = BENCH.gateway();
    }

    @Test
    void twoThousandViewersShareOneSubscriptionAndAllGetEveryPublishedStateWhileResultsAnswer() throws Exception {
        realtime.setVersion("crowd", 1);
        try (TestViewers crowd = new TestViewers(gateway.port(), 2, 40, 60);
             TestViewers others = new TestViewers(gateway.port(), 50, 10, 2)) {
            List<Viewer> viewers = crowd.open("/api/v1/polls/crowd/results/stream", 2000, null);
            for (int p = 0; p < 10; p++) {
                realtime.setVersion("other-" + p, 1);
                others.open("/api/v1/polls/other-" + p + "/results/stream", 1, null);
            }
            assertThat(viewers).allSatisfy(v -> {
                assertThat(v.status()).isEqualTo(200);
                assertThat(v.contentType()).startsWith("text/event-stream");
            });
            await("every viewer has the current state", () -> viewers.stream().allMatch(v -> v.lastId() == 1));
            assertThat(viewers).allSatisfy(v -> assertThat(v.blocks().get(0)).isEqualTo("retry: 2000"));
            assertThat(realtime.streamRequests("crowd")).hasSize(1);
            assertThat(realtime.subscribers("crowd")).isEqualTo(1);

            // 11 subscriptions on a pool of 4 request/response connections: GET /results still answers at once.
            List<Long> micros = new ArrayList<>();
            long version = 1;
            for (int i = 0; i < 100; i++) {
                if (i % 20 == 0) {
                    realtime.publish("crowd", ++version);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> results = gateway.get("/api/v1/polls/crowd/results");
                micros.add((System.nanoTime() - t0) / 1000);
                assertThat(results.statusCode()).isEqualTo(200);
            }
            long newest = version;
            await("every viewer has version " + newest, () -> viewers.stream().allMatch(v -> v.lastId() == newest));
            assertThat(viewers).allSatisfy(v -> {
                assertThat(v.ids()).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(newest);
                assertThat(v.ended()).isFalse();
            });
            assertThat(realtime.streamRequests("crowd")).hasSize(1);
            assertThat(gateway.metric("gateway_sse_viewers")).isEqualTo(2010);
            assertThat(gateway.metric("gateway_sse_subscriptions")).isEqualTo(11);
            Collections.sort(micros);
            System.out.printf("GET /results through the gateway with 2,010 viewers: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    micros.get(49) / 1000d, micros.get(98) / 1000d, micros.get(99) / 1000d);
        }
    }

    @Test
    void lastEventIdMeansNoVersionAtOrBelowItAndTheNewestAboveItFirst() throws Exception {
        realtime.setVersion("resume", 5);
        try (TestViewers clients = new TestViewers(gateway.port(), 70, 3, 2)) {
            Viewer upToDate = clients.open("/api/v1/polls/resume/results/stream", 1, "5").get(0);
            Viewer behind = clients.open("/api/v1/polls/resume/results/stream", 1, "3").get(0);
            Viewer garbled = clients.open("/api/v1/polls/resume/results/stream", 1, "not-a-version").get(0);
            await("the viewers behind get version 5 first", () -> behind.lastId() == 5 && garbled.lastId() == 5);
            Thread.sleep(500); // proves the up-to-date viewer gets nothing: there is no event to wait for
            assertThat(upToDate.ids()).isEmpty();

            realtime.publish("resume", 6);
            await("everyone gets version 6", () -> upToDate.lastId() == 6 && behind.lastId() == 6 && garbled.lastId() == 6);
            assertThat(upToDate.ids()).containsExactly(6L);
            assertThat(behind.ids()).containsExactly(5L, 6L);
        }
    }

    @Test
    void anUnknownPollIsRealtimes404ProblemForEveryWaitingViewerAndIsNotCached() throws Exception {
        try (TestViewers clients = new TestViewers(gateway.port(), 80, 3, 2)) {
            List<Viewer> waiting = clients.open("/api/v1/polls/ghost/results/stream", 3, null);
            assertThat(waiting).allSatisfy(v -> {
                assertThat(v.status()).isEqualTo(404);
                assertThat(v.contentType()).isEqualTo("application/problem+json");
                assertThat(v.body()).contains("\"type\":\"https://votes.dev/problems/poll-not-found\"", "ghost");
                assertThat(v.header("X-Request-Id")).isNotBlank();
            });
            assertThat(realtime.streamRequests("ghost")).hasSize(1);

            Viewer later = clients.open("/api/v1/polls/ghost/results/stream", 1, null).get(0);
            assertThat(later.status()).isEqualTo(404);
            assertThat(realtime.streamRequests("ghost")).hasSize(2);
        }
    }

    @Test
    void viewersStayConnectedThroughARealtimeRestartAndResumeFromTheNewestVersionSeen() throws Exception {
        realtime.setVersion("restart", 1);
        try (TestViewers clients = new TestViewers(gateway.port(), 90, 4, 60)) {
            List<Viewer> viewers = clients.open("/api/v1/polls/restart/results/stream", 200, null);
            await("every viewer has version 1", () -> viewers.stream().allMatch(v -> v.lastId() == 1));
            long reconnectsBefore = gateway.metric("gateway_sse_upstream_reconnects_total");

            realtime.stopRealtime();
            realtime.setVersion("restart", 3); // changes made while it was down
            Thread.sleep(3_000); // viewers only get the gateway's heartbeats meanwhile
            assertThat(viewers).noneMatch(Viewer::ended);
            assertThat(viewers).allSatisfy(v -> assertThat(v.blocks()).contains(": keep-alive"));
            realtime.startRealtime();

            await("every viewer has version 3 on its first connection", () -> viewers.stream().allMatch(v -> v.lastId() == 3));
            assertThat(viewers).allSatisfy(v -> {
                assertThat(v.ended()).isFalse();
                assertThat(v.ids()).containsExactly(1L, 3L);
            });
            List<String> requests = realtime.streamRequests("restart");
            assertThat(requests.get(0)).isEmpty();
            assertThat(requests.get(requests.size() - 1)).isEqualTo("1");
            assertThat(gateway.metric("gateway_sse_upstream_reconnects_total")).isGreaterThan(reconnectsBefore);
        }
    }

    @Test
    void aViewerOfAPollNobodyWatchesGetsA502ProblemWhileRealtimeIsDown() throws Exception {
        realtime.stopRealtime();
        try (TestViewers clients = new TestViewers(gateway.port(), 100, 1, 2)) {
            Viewer viewer = clients.open("/api/v1/polls/lonely/results/stream", 1, null).get(0);
            assertThat(viewer.status()).isEqualTo(502);
            assertThat(viewer.contentType()).isEqualTo("application/problem+json");
            assertThat(viewer.body()).contains("bad-gateway", "\"upstream\":\"realtime\"");
        } finally {
            realtime.startRealtime();
        }
        realtime.setVersion("lonely", 2);
        try (TestViewers clients = new TestViewers(gateway.port(), 100, 1, 2)) {
            Viewer viewer = clients.open("/api/v1/polls/lonely/results/stream", 1, null).get(0);
            assertThat(viewer.status()).isEqualTo(200);
            await("the failure was not cached", () -> viewer.lastId() == 2);
        }
    }

    @Test
    void theSubscriptionOutlivesItsLastViewerOnlyForTheGracePeriod() throws Exception {
        realtime.setVersion("leave", 1);
        try (TestViewers clients = new TestViewers(gateway.port(), 110, 1, 5)) {
            List<Viewer> viewers = clients.open("/api/v1/polls/leave/results/stream", 5, null);
            await("viewers have version 1", () -> viewers.stream().allMatch(v -> v.lastId() == 1));
        }
        // A viewer back within the grace period (a page reload) reuses the subscription.
        try (TestViewers clients = new TestViewers(gateway.port(), 110, 1, 5)) {
            Viewer back = clients.open("/api/v1/polls/leave/results/stream", 1, null).get(0);
            await("the returning viewer has version 1", () -> back.lastId() == 1);
        }
        assertThat(realtime.streamRequests("leave")).hasSize(1);
        await("the subscription ends after the grace period", () -> realtime.subscribers("leave") == 0);
    }

    private static void await(String what, BooleanSupplier condition) {
        assertThat(Probes.await(WAIT, null, condition)).as(what).isTrue();
    }
}
