package votes.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.core.ConditionTimeoutException;
import votes.infra.test.VoteStackExtension;
import votes.perf.load.LoadRunner;
import votes.perf.load.Targets;
import votes.perf.report.PhaseResult;
import votes.system.LedgerDatabase;
import votes.system.ResultsStream;
import votes.system.VotesApi;

/**
 * One fault under load: a fresh poll, an open-model stream of first votes by distinct voters through the gateway
 * (perf's generator: requests leave on schedule whatever the stack does, so a stall shows as latency, not as fewer
 * requests), the fault injected {@code before} into the stream, healed after its hold, the stream going on for
 * {@code after}. Then, once quiet: (a) every 202 is recorded exactly once, (b) no voter is recorded twice, (c) the
 * results API, the SSE stream and SQL agree, and the fault's own checks hold. The audit replay runs once over the
 * whole log at the end of the suite ({@link FaultsIT}).
 */
final class FaultRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPTION = "a";
    /** How long the stack may take to catch up after the load, before the run counts votes as lost. */
    private static final Duration SETTLE = Duration.ofSeconds(180);

    /**
     * The load's shape: how fast, how long before and after the fault, over how many connections, from which
     * loopback source addresses (the gateway caps connections per address: many clients, not one greedy one).
     */
    record Load(double rate, Duration before, Duration after, int connections, List<String> clients) {

        Duration total(Fault fault) {
            return before.plus(fault.hold()).plus(after);
        }
    }

    private final VoteStackExtension stack;
    private final VotesApi api;
    private final LedgerDatabase ledger;
    private final PipelineDiagnosis diagnosis;

    FaultRun(VoteStackExtension stack) {
        this.stack = stack;
        this.api = new VotesApi(stack.url());
        this.ledger = new LedgerDatabase(stack.stack());
        this.diagnosis = new PipelineDiagnosis(stack);
    }

    FaultOutcome run(Fault fault, int run, Load load) throws Exception {
        String label = fault.name() + " #" + run;
        String poll = api.createPoll(stack.token("fault-admin", "admin"), label, OPTION, "b");
        try {
            return runOn(poll, fault, label, load);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(label + ": " + e.getMessage() + diagnosis.of(poll), e);
        }
    }

    private FaultOutcome runOn(String poll, Fault fault, String label, Load load) throws Exception {
        // The zero tally must exist before the stream starts, or the SSE check would wait for the first vote.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.results(poll).status() == 200);
        int requests = (int) Math.ceil(load.rate() * load.total(fault).toMillis() / 1000.0);
        List<String> tokens = new ArrayList<>(requests);
        String prefix = "fault-" + UUID.randomUUID() + "-";
        for (int i = 0; i < requests; i++) {
            tokens.add(stack.token(prefix + i));
        }
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        Fault.Scene scene = new Fault.Scene(stack, poll);
        PhaseResult result;
        Duration recovery;
        try (LoadRunner runner = new LoadRunner(URI.create(stack.url()), tokens, new Targets(List.of(poll), requests),
                OPTION, 1, load.connections(), Duration.ofSeconds(30), requests, 0,
                (request, status, body) -> receipt(status, body, accepted), load.clients())) {
            CompletableFuture<PhaseResult> stream = CompletableFuture.supplyAsync(() ->
                    runner.run(label, load.rate(), Duration.ZERO, load.total(fault), Duration.ofSeconds(30)));
            // The scenario's timeline, not a wait for a condition: load alone, then the fault held while it runs.
            Thread.sleep(load.before().toMillis());
            fault.inject(scene);
            Thread.sleep(fault.hold().toMillis());
            fault.recover(scene);
            long healedAt = System.nanoTime();
            Set<UUID> beforeHealing = Set.copyOf(accepted);
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                    ledger.recordedAmong(beforeHealing) == beforeHealing.size()
                            && total(api.results(poll).json()) >= beforeHealing.size());
            recovery = Duration.ofNanos(System.nanoTime() - healedAt);
            result = stream.join();
        }

        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() ->
                ledger.recordedAmong(accepted) == accepted.size());
        long recorded = ledger.recordedAmong(accepted);
        assertThat(ledger.rejectedAmong(accepted)).as(label + ": accepted votes rejected by the ledger").isZero();
        long twice = ledger.votersRecordedTwice();
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(VotesApi.votesByOption(api.results(poll).json())).as(label + ": results API = SQL")
                        .isEqualTo(ledger.tally(poll)));
        assertStreamReaches(poll, label + ": SSE = SQL");
        long published = total(api.results(poll).json());
        long sqlTotal = ledger.tally(poll).values().stream().mapToLong(Long::longValue).sum();
        fault.verify(scene);

        var counts = result.counts();
        FaultOutcome outcome = new FaultOutcome(fault.name(), counts.total(), accepted.size(), recorded,
                twice + Math.max(0, published - sqlTotal), recovery, counts.unavailable(),
                counts.total() - counts.accepted() - counts.unavailable(), counts.shed(), result.acceptedLatency().p99());
        System.out.printf("[faults] %s: %d sent, %d accepted, %d recorded, %d lost, %d doubled, %d x 503 (%d shed),"
                        + " %d other; recovered in %.1f s; 202s p99 %.0f ms%n", label, outcome.sent(), outcome.accepted(),
                outcome.recorded(), outcome.lost(), outcome.doubled(), outcome.unavailable(), outcome.shed(),
                outcome.refused(), outcome.recovery().toMillis() / 1000.0, outcome.p99AcceptedMillis());
        assertThat(outcome.lost()).as(label + ": lost").isZero();
        assertThat(outcome.doubled()).as(label + ": doubled").isZero();
        if (fault.answersEveryRequest()) {
            assertThat(counts.failed() + counts.unfinished()).as(label + ": requests left without an answer").isZero();
            assertThat(counts.otherStatus() + counts.duplicate()).as(label + ": answers other than 202, 429, 503")
                    .isZero();
        }
        if (!fault.mayBeUnavailable()) {
            assertThat(outcome.unavailable()).as(label + ": 503s").isZero();
        }
        return outcome;
    }

    /**
     * A fresh SSE stream reaches the SQL tally, read again at every look: the ledger may still be moving. A vote
     * answered 503 is an unknown outcome, not a refusal — ingest's producer may still deliver it once the broker is
     * back, so after a Kafka kill rows keep arriving after every accepted vote is recorded (CI once saw the stream at
     * {a=444} against a SQL tally of {a=119} read once, before those rows landed). The stream must then reach the
     * truth, and that is what a viewer is owed.
     */
    private void assertStreamReaches(String poll, String what) {
        try (ResultsStream stream = ResultsStream.open(stack.url(), poll, null)) {
            await(what).atMost(SETTLE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(stream.last()).as(what + ": a frame").isNotNull();
                assertThat(VotesApi.votesByOption(stream.last().data())).as(what).isEqualTo(ledger.tally(poll));
            });
        }
    }

    private static long total(JsonNode results) {
        return results.get("totalVotes").asLong();
    }

    private static void receipt(int status, String body, Set<UUID> accepted) {
        if (status != 202) {
            return;
        }
        try {
            accepted.add(UUID.fromString(JSON.readTree(body).get("receiptId").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a 202 without a receipt id: " + body, e);
        }
    }
}
