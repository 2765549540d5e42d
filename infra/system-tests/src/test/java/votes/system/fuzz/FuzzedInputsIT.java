package votes.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import votes.infra.test.VoteStackExtension;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;
import votes.system.fuzz.RawHttp.Answer;

/**
 * Generated bad requests (HostileRequests: every public endpoint; malformed and deeply nested JSON, huge numbers and
 * strings, invalid UTF-8, wrong methods and content types, oversized headers, path junk, hostile Last-Event-ID, bad
 * tokens) sent through the gateway of the shared test stack. Each must get an answer below 500, under /api a
 * problem+json whose type is one of the API's (service-kit's ProblemType), and none may add a vote, a rejection or
 * a record of votes.submitted. jqwik prints the seed of each run (SeedReport); a failure is rerun by putting it in
 * {@code @Property(seed = "...")} (and jqwik reruns the failing sample first on the next run by itself).
 */
@AddLifecycleHook(value = SeedReport.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class FuzzedInputsIT {

    /** Tries = requests sent (one per try; shrinking after a failure sends more). ~1-2 minutes on a loaded 2-core box. */
    static final int TRIES = 1100;
    static final int AT_LEAST = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOCUMENTED_TYPES = Arrays.stream(ProblemType.values()).map(ProblemType::uri)
            .collect(Collectors.toUnmodifiableSet());
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final Map<String, Integer> STATUSES = new TreeMap<>();

    /** Not a JUnit extension here (jqwik is its own engine): used for the shared stack it starts once per JVM. */
    private static final VoteStackExtension STACK = new VoteStackExtension();
    private static LedgerDatabase ledger;
    private static RawHttp http;
    private static HostileRequests requests;
    private static StoredCounts before;

    @BeforeContainer
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

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void everyBadRequestGetsADocumentedProblemAndNoServerError(@ForAll("hostile") HostileRequest request) throws IOException {
        Answer answer = http.send(request);
        SENT.incrementAndGet();
        synchronized (STATUSES) {
            STATUSES.merge(request.kind() + " → " + answer.status(), 1, Integer::sum);
        }

        assertThat(answer.status()).as("an answer below 500 to %s", request).isBetween(100, 499);
        if (request.changing()) {
            assertThat(answer.status()).as("a refusal of %s", request).isGreaterThanOrEqualTo(400);
        }
        if (request.api() && answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as("the content type of the %d answer to %s", answer.status(), request)
                    .startsWith(Problem.MEDIA_TYPE);
            if (request.method().equals("HEAD")) {
                return; // a HEAD answer has the headers of the GET's and never a body
            }
            JsonNode problem = problem(answer, request);
            assertThat(problem.path("type").asText()).as("the problem type answering %s", request).isIn(DOCUMENTED_TYPES);
            assertThat(problem.path("status").asInt()).as("the problem's status answering %s", request)
                    .isEqualTo(answer.status());
        }
    }

    @Provide
    Arbitrary<HostileRequest> hostile() {
        return requests.any();
    }

    @AfterContainer
    static void nothingWasStored() {
        System.out.printf("[fuzz] %d bad requests sent through the gateway; answers by kind and status: %s%n", SENT.get(),
                STATUSES);
        assertThat(SENT.get()).as("bad requests sent").isGreaterThanOrEqualTo(AT_LEAST);
        StoredCounts after = StoredCounts.whenLedgerIdle(STACK.kafkaClientProperties(), ledger);
        assertThat(after).as("votes, rejections and votes.submitted records after the fuzzing").isEqualTo(before);
    }

    private static JsonNode problem(Answer answer, HostileRequest request) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("the " + answer.status() + " answer to " + request + " is not JSON: " + answer.text(), e);
        }
    }
}
