package votes.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;
import votes.system.RawHttp;
import votes.system.RawHttp.Answer;

/**
 * Generated bad requests (HostileRequests: every public endpoint; malformed and deeply nested JSON, huge numbers and
 * strings, invalid UTF-8, wrong methods and content types, oversized headers, path junk, hostile Last-Event-ID, bad
 * tokens, hostile poll bodies) sent through the gateway of the shared test stack. Each must get an answer below 500,
 * under /api a problem+json whose type is one of the API's (service-kit's ProblemType) and whose status is the
 * answer's, a state-changing one a 4xx, and none may add a vote, a rejection or a record of votes.submitted.
 *
 * <p>Property-based on the in-house {@link Gen}, one seed per run ({@code -Dfuzz.seed}, else random, printed first).
 * No shrinking: the seed replays the run request for request, and each failure prints its index and the request
 * itself (method, target, headers, body prefix), which is the reproduction. All failures are collected, the first
 * {@link #REPORTED} reported, so one run shows every kind of refusal that went wrong.
 */
class FuzzedInputsIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /** Requests per run: more finds rarer shapes, each costs ~50-100 ms on a loaded 2-core box. */
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 1100);
    /** Issue 10 item 6's floor: fewer requests would not be the suite the issue asks for. */
    static final int AT_LEAST = 1000;
    /**
     * Results streams in flight at once. Far under the gateway's connections per client (128), so none is refused for
     * the client's count; each holds one connection until its head is read.
     */
    static final int STREAMS_AT_ONCE = 8;
    /** Failures shown in full; more would bury the report (their count is still given). */
    static final int REPORTED = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOCUMENTED_TYPES = Arrays.stream(ProblemType.values()).map(ProblemType::uri)
            .collect(Collectors.toUnmodifiableSet());

    private static LedgerDatabase ledger;
    private static RawHttp http;
    private static HostileRequests requests;
    private static StoredCounts before;

    @BeforeAll
    static void stackAndPolls() {
        ledger = new LedgerDatabase(STACK.stack());
        http = new RawHttp(STACK.url());
        VotesApi api = new VotesApi(STACK.url());
        String admin = STACK.token("fuzz-admin", "admin");
        String open = api.createPoll(admin, "Fuzzed", "a", "b");
        String closed = api.createPoll(admin, "Fuzzed and closed", "a", "b");
        assertThat(api.closePoll(admin, closed).status()).isEqualTo(200);
        requests = new HostileRequests(open, closed, STACK.token("fuzz-voter"), admin,
                STACK.token("fuzz-auditor", "auditor"), STACK.token("fuzz-admin-only", "admin"));
        before = StoredCounts.whenLedgerIdle(STACK.kafkaClientProperties(), ledger);
    }

    @Test
    void everyBadRequestGetsADocumentedProblemNoServerErrorAndChangesNothing() {
        long seed = Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
        System.out.printf("fuzz seed=%d (rerun: -Dfuzz.seed=%d)%n", seed, seed);
        assertThat(REQUESTS).as("requests per run (-Dfuzz.requests)").isGreaterThanOrEqualTo(AT_LEAST);

        Random random = new Random(seed);
        Gen<HostileRequest> hostile = requests.any();
        // By request index: the streams' answers come in out of order, the report stays in the seed's order.
        Map<Integer, String> failures = new ConcurrentSkipListMap<>();
        Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        ExecutorService streams = Executors.newFixedThreadPool(STREAMS_AT_ONCE);
        List<Future<?>> streamed = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                HostileRequest request = hostile.next(random);
                int index = i;
                if (request.stream()) {
                    // A stream on an unknown poll is answered only after realtime's unknown-poll wait (3 s): in
                    // sequence those waits were most of this test's time. Its answer is judged the same way.
                    streamed.add(streams.submit(() -> sendAndJudge(index, request, statuses, failures)));
                } else {
                    sendAndJudge(index, request, statuses, failures);
                }
            }
            streamed.forEach(FuzzedInputsIT::join);
        } finally {
            streams.shutdownNow();
        }
        System.out.printf("fuzz: %d bad requests sent through the gateway in %d s (seed=%d); answers by kind and status: %s%n",
                REQUESTS, Duration.ofNanos(System.nanoTime() - start).toSeconds(), seed, statuses);

        StoredCounts after = StoredCounts.whenLedgerIdle(STACK.kafkaClientProperties(), ledger);
        List<String> wrong = new ArrayList<>(failures.values());
        if (!after.equals(before)) {
            wrong.add("stored by bad requests: before " + before + ", after " + after);
        }
        assertThat(wrong).as("%d of %d requests failed, seed=%d (rerun: -Dfuzz.seed=%d); the first %d:%n%s",
                wrong.size(), REQUESTS, seed, seed, Math.min(REPORTED, wrong.size()),
                String.join("\n", wrong.subList(0, Math.min(REPORTED, wrong.size())))).isEmpty();
    }

    private static void sendAndJudge(int index, HostileRequest request, Map<String, Integer> statuses,
                                     Map<Integer, String> failures) {
        try {
            Answer answer = http.send(null, request.bytes(http.authority()), request.stream());
            statuses.merge(request.kind() + " → " + answer.status(), 1, Integer::sum);
            String wrong = wrongIn(answer, request);
            if (wrong != null) {
                failures.put(index, "#" + index + " " + wrong + "\n    request: " + request);
            }
        } catch (IOException e) {
            failures.put(index, "#" + index + " no answer (" + e + ")\n    request: " + request);
        }
    }

    private static void join(Future<?> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stream's answer", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stream request failed outside its judgement", e.getCause());
        }
    }

    /** @return what is wrong with the answer, or null when it is the refusal the request deserves */
    private static String wrongIn(Answer answer, HostileRequest request) {
        if (answer.status() < 100 || answer.status() >= 500) {
            return "status " + answer.status() + ", not an answer below 500";
        }
        if (request.changing() && answer.status() < 400) {
            return "status " + answer.status() + " to a state-changing request, not a refusal";
        }
        if (!request.api() || answer.status() < 400) {
            return null;
        }
        String contentType = String.valueOf(answer.header("Content-Type"));
        if (!contentType.startsWith(Problem.MEDIA_TYPE)) {
            return "the " + answer.status() + " answer's content type is " + contentType + ", not " + Problem.MEDIA_TYPE;
        }
        if (request.method().equals("HEAD")) {
            return null; // a HEAD answer has the headers of the GET's and never a body
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException notJson) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return "the " + answer.status() + " answer is not a JSON object: " + answer.text();
        }
        if (!DOCUMENTED_TYPES.contains(problem.path("type").asText())) {
            return "problem type " + problem.path("type") + " is not a documented ProblemType";
        }
        if (problem.path("status").asInt() != answer.status()) {
            return "problem status " + problem.path("status") + " but HTTP status " + answer.status();
        }
        return null;
    }
}
