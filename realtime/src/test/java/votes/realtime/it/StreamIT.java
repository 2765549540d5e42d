package votes.realtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import votes.realtime.it.SseReader.Frame;

@QuarkusTest
@QuarkusTestResource(RealtimeStackResource.class)
class StreamIT {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MeterRegistry registry;

    private URI stream(String pollId) {
        return URI.create(base.toString()).resolve("/api/v1/polls/" + pollId + "/results/stream");
    }

    private static String pollAt(long version) {
        String pollId = TallyFixture.newPollId();
        for (long v = 0; v <= version; v++) {
            TallyFixture.publish(pollId, v, v, 0);
        }
        ResultsIT.awaitVersion(pollId, version);
        return pollId;
    }

    @Test
    void theFirstEventIsTheCurrentState() throws Exception {
        String pollId = pollAt(3);
        try (SseReader sse = SseReader.open(stream(pollId), null)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.header("Content-Type")).startsWith("text/event-stream");
            Frame first = sse.nextTally(Duration.ofSeconds(5));
            assertThat(first).isNotNull();
            assertThat(first.id()).isEqualTo("3");
            JsonPath data = JsonPath.from(first.data());
            assertThat(data.getString("pollId")).isEqualTo(pollId);
            assertThat(data.getInt("totalVotes")).isEqualTo(3);
            assertThat(data.getList("options.percentage", Float.class)).containsExactly(100.0f, 0.0f);
        }
    }

    @Test
    void aBurstOfAHundredVersionsIsCoalescedAndEndsOnTheLatest() throws Exception {
        String pollId = pollAt(0);
        try (SseReader sse = SseReader.open(stream(pollId), null)) {
            assertThat(sse.nextTally(Duration.ofSeconds(5)).version()).isZero();
            TallyFixture.burst(pollId, 1, 100);
            List<Frame> seen = sse.talliesUntil(100, Duration.ofSeconds(15));
            assertThat(seen).isNotEmpty();
            assertThat(seen.get(seen.size() - 1).version()).isEqualTo(100);
            assertThat(seen.size()).as("events for 100 versions").isLessThan(25);
            assertThat(seen).extracting(Frame::version).isSorted().doesNotHaveDuplicates();
            // Nothing else trails behind the latest.
            assertThat(sse.nextTally(Duration.ofMillis(400))).isNull();
        }
    }

    @Test
    void resumingFromTheCurrentVersionSendsNothingSeenAndNothingMissedAfterIt() throws Exception {
        String pollId = pollAt(10);
        try (SseReader sse = SseReader.open(stream(pollId), "10")) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.nextTally(Duration.ofMillis(700))).as("nothing the client already has").isNull();
            TallyFixture.publish(pollId, 11, 11, 0);
            Frame next = sse.nextTally(Duration.ofSeconds(5));
            assertThat(next.version()).isEqualTo(11);
            assertThat(JsonPath.from(next.data()).getInt("totalVotes")).isEqualTo(11);
        }
    }

    @Test
    void resumingFromAnOlderVersionSendsTheCurrentStateFirst() throws Exception {
        String pollId = pollAt(6);
        try (SseReader sse = SseReader.open(stream(pollId), "2")) {
            Frame first = sse.nextTally(Duration.ofSeconds(5));
            assertThat(first.version()).isEqualTo(6);
            assertThat(sse.nextTally(Duration.ofMillis(400))).isNull();
        }
    }

    @Test
    void aHeartbeatCommentArrivesOnAQuietStream() throws Exception {
        String pollId = pollAt(0);
        try (SseReader sse = SseReader.open(stream(pollId), null)) {
            Frame comment = sse.nextComment(Duration.ofSeconds(3)); // test heartbeat: 300 ms
            assertThat(comment).isNotNull();
            assertThat(comment.comment()).isEqualTo("keep-alive");
        }
    }

    @Test
    void aStreamForAPollThatGetsItsFirstTallyDuringTheWaitOpens() throws Exception {
        String pollId = TallyFixture.newPollId();
        await("no HTTP request in progress (earlier streams closed)").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(activeRequests()).as("HTTP requests in progress").isZero());
        CompletableFuture<SseReader> opening = CompletableFuture.supplyAsync(() -> open(stream(pollId)));
        // Publish once the server holds the request (no tally yet, so it waits), not before: the tally must
        // arrive during that wait for this test to prove anything.
        await("the server holds the stream request").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(activeRequests()).as("HTTP requests in progress").isPositive());
        TallyFixture.publish(pollId, 0, 0, 0);
        try (SseReader sse = opening.get(15, TimeUnit.SECONDS)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.nextTally(Duration.ofSeconds(5)).version()).isZero();
        }
    }

    /** Requests the HTTP server has begun and not yet answered (Quarkus' Micrometer gauge). */
    private double activeRequests() {
        return registry.find("http.server.active.requests").gauges().stream().mapToDouble(Gauge::value).sum();
    }

    private static SseReader open(URI uri) {
        try {
            return SseReader.open(uri, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + uri, e);
        }
    }

    @Test
    void aStreamForAnUnknownPollIsA404Problem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stream("never-tallied")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(JsonPath.from(response.body()).getString("type")).endsWith("/poll-not-found");
    }
}
