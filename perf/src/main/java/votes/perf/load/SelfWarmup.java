package votes.perf.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import votes.events.challenge.ChallengeRequired;
import votes.events.challenge.ChallengeRequired.Challenge;
import votes.events.challenge.Hashcash;
import votes.events.codec.EventCodec;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;
import votes.perf.report.PhaseResult;

/**
 * The generator's own JIT warm-up, against a stand-in server in this JVM that answers every vote as ingest accepts
 * one. A freshly started generator compiles its HTTP client, its schedule and its histograms during its first
 * seconds of load; on a small machine that work competes with the servers measured, and its late sends count as the
 * servers' latency (open model). Warmed this way, a run can measure a cold stack with a warm client, as real voters
 * are, without a single vote reaching the stack. With a challenge difficulty, the stand-in asks every vote for proof of
 * work first, as ingest does with {@code VOTE_CHALLENGE=always}: the generator's solver and its resubmission are warm
 * too, not only its plain send.
 */
final class SelfWarmup {

    /** Shaped like ingest's 202 (API.md): the client reads and discards a body of this size. */
    private static final String RECEIPT = "{\"receiptId\":\"01JF0000000000000000000000\",\"pollId\":\"%s\","
            + "\"optionId\":\"a\",\"status\":\"accepted\",\"acceptedAt\":\"2026-01-01T00:00:00Z\"}";

    private SelfWarmup() {
    }

    /**
     * Runs {@code duration} of votes at {@code rate} against the stand-in and prints what the generator achieved.
     *
     * @param challengeDifficulty the proof of work the stand-in asks of every vote, in bits; 0: none
     * @return what the generator achieved against the stand-in
     */
    static PhaseResult run(List<String> tokens, String optionId, double rate, Duration duration, int eventLoops,
                           int connections, List<String> localAddresses, int challengeDifficulty) {
        // Distinct (poll, voter) pairs, as in a measured run: the stand-in's polls exist nowhere else.
        long requests = ArrivalSchedule.requestsFor(rate, duration.toMillis() / 1000d);
        Targets targets = new Targets(IntStream.rangeClosed(0, (int) (requests / tokens.size()))
                .mapToObj(i -> "warm-up-" + i).toList(), tokens.size());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(false));
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onComplete(ignored -> answer(request, challengeDifficulty)))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
            URI standIn = URI.create("http://127.0.0.1:" + server.actualPort());
            try (LoadRunner runner = new LoadRunner(standIn, tokens, targets, optionId, eventLoops, connections,
                    Duration.ofSeconds(10), Long.MAX_VALUE, 0, AnswerListener.NONE, localAddresses)) {
                PhaseResult r = runner.run("self-warm-up", rate, Duration.ZERO, duration, Duration.ofSeconds(5));
                System.err.printf(Locale.ROOT, "self-warm-up: %.0f requests/s for %d s against a stand-in, p99 %.1f ms, "
                        + "send lag p99 %.1f ms%s%n", r.achievedRate(), duration.toSeconds(), r.latency().p99(),
                        r.sendLag().p99(), challengeDifficulty == 0 ? ""
                                : String.format(Locale.ROOT, ", every vote challenged at %d bits: %s", challengeDifficulty,
                                        r.challenges()));
                return r;
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** A 202, or first a 403 challenge when proof of work is asked and the vote's proof does not solve its nonce. */
    private static void answer(HttpServerRequest request, int challengeDifficulty) {
        String nonce = request.getHeader(ChallengeRequired.NONCE_HEADER);
        String proof = request.getHeader(ChallengeRequired.PROOF_HEADER);
        boolean solved = nonce != null && proof != null && Hashcash.solves(nonce, proof, challengeDifficulty);
        if (challengeDifficulty > 0 && !solved) {
            // Ingest's 403 as its VoteOutcomeResponses builds it: the problem, with the challenge as a member.
            Challenge challenge = new Challenge("sha256", challengeDifficulty,
                    Long.toHexString(ThreadLocalRandom.current().nextLong()), ChallengeRequired.PROOF_HEADER,
                    ChallengeRequired.NONCE_HEADER);
            Problem problem = Problem.of(ProblemType.CHALLENGE_REQUIRED, "solve the challenge")
                    .with("challenge", challenge);
            request.response().setStatusCode(problem.status()).putHeader("content-type", Problem.MEDIA_TYPE)
                    .end(EventCodec.toJson(problem.body()));
            return;
        }
        request.response().setStatusCode(202).putHeader("content-type", "application/json")
                .end(String.format(Locale.ROOT, RECEIPT, "warm-up"));
    }
}
