package votes.perf.swarm;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import votes.events.challenge.ChallengeRequired;
import votes.events.codec.EventCodec;

/**
 * One planned vote's way through the defence, as its client would go: POST; on a challenge, solve it (unless it is
 * harder than this client pays) and POST again with the proof; stop at any other answer. A 429 is final (the swarm
 * counts refusals; a retry would be another attempt). Every step runs on the swarm's event loop but the solving.
 */
final class VoteFlow {

    /** Answers to a proof that are again challenges: past this many the client gives up. */
    static final int MAX_CHALLENGES = 3;

    /** What every vote of a run shares. */
    record Target(String pollId, String phase, Solvers solvers, double browserSlowdown, int maxSolveBits,
                  long timeoutMillis) {
    }

    private record Answer(int status, String body) {
    }

    /** What a resubmission carries: the proof in the challenge's header, its nonce echoed where it asks. */
    private record Proof(ChallengeRequired.Challenge challenge, String nonceHeader, String value) {
    }

    private final Target target;
    private final Context context;
    private final HttpClient client;
    private final PlannedVote vote;
    private final String bearer;
    private final CompletableFuture<VoteResult> done = new CompletableFuture<>();
    private long roundStart;
    private long tokenAgeMillis;
    private double networkMillis;
    private double firstAnswerMillis = -1;
    private int requests;
    private int challenges;
    private int maxDifficulty = -1;
    private double solveMillis;

    VoteFlow(Target target, Context context, HttpClient client, PlannedVote vote, String token) {
        this.target = target;
        this.context = context;
        this.client = client;
        this.vote = vote;
        this.bearer = "Bearer " + token;
    }

    /** Sends the first request; latency counts from {@code intendedNanos} (late sends are charged to the vote). */
    CompletableFuture<VoteResult> start(long intendedNanos, long tokenAgeMillis) {
        this.roundStart = intendedNanos;
        this.tokenAgeMillis = tokenAgeMillis;
        send(null);
        return done;
    }

    /** Ends a vote still under way (the run's deadline passed) as having had no answer. */
    void abandon() {
        finish(0, Outcome.FAILED, "", "");
    }

    /** @param proof the answer to the last challenge, or null for the first attempt */
    private void send(Proof proof) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setURI("/api/v1/polls/" + target.pollId() + "/votes").setIdleTimeout(target.timeoutMillis())
                .putHeader("Authorization", bearer).putHeader("Content-Type", "application/json");
        vote.client().headers().forEach(request::putHeader);
        if (vote.deviceId() != null) {
            request.putHeader("X-Device-Id", vote.deviceId());
        }
        if (proof != null) {
            request.putHeader(proof.challenge().header(), proof.value());
            if (proof.nonceHeader() != null) {
                request.putHeader(proof.nonceHeader(), proof.challenge().nonce());
            }
        }
        requests++;
        Buffer body = Buffer.buffer("{\"optionId\":\"" + vote.optionId() + "\"}");
        client.request(request).compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toString())))
                .onComplete(ar -> {
                    networkMillis += (System.nanoTime() - roundStart) / 1e6;
                    if (firstAnswerMillis < 0) {
                        firstAnswerMillis = networkMillis;
                    }
                    if (ar.failed()) {
                        finish(0, Outcome.FAILED, "", "");
                    } else {
                        answered(ar.result());
                    }
                });
    }

    private void answered(Answer answer) {
        switch (answer.status()) {
            case 202 -> finish(202, Outcome.ACCEPTED, "",
                    EventCodec.decodeAcceptedReceipt(answer.body()).receiptId().toString());
            case 429 -> finish(429, Outcome.REFUSED, VoteProblem.keyIn(answer.body()).orElse(""), "");
            case 403 -> ChallengeRequired.in(answer.body()).ifPresentOrElse(
                    c -> challenged(c, c.nonceHeader()),
                    () -> finish(403, Outcome.OTHER, "", ""));
            default -> finish(answer.status(), Outcome.OTHER, "", "");
        }
    }

    /** @param nonceHeader where to echo the nonce with the proof, or null when the challenge wants no echo */
    private void challenged(ChallengeRequired.Challenge challenge, String nonceHeader) {
        challenges++;
        maxDifficulty = Math.max(maxDifficulty, challenge.difficulty());
        if (challenge.difficulty() > vote.giveUpAboveBits() || challenge.difficulty() > target.maxSolveBits()
                || challenges > MAX_CHALLENGES) {
            finish(403, Outcome.UNSOLVED, "", "");
            return;
        }
        long challengedAt = System.nanoTime();
        target.solvers().solve(challenge, vote.browserSolver()).whenComplete((solved, error) -> context.runOnContext(v -> {
            if (error != null) {
                finish(0, Outcome.FAILED, "", "");
                return;
            }
            solveMillis += solved.millis();
            long wait = browserWaitMillis(solved.millis(), challengedAt);
            if (wait > 0) {
                context.owner().setTimer(wait, id -> resend(new Proof(challenge, nonceHeader, solved.proof())));
            } else {
                resend(new Proof(challenge, nonceHeader, solved.proof()));
            }
        }));
    }

    /**
     * A person's proof reaches the server when a browser would have found it, not when Java did: ingest may read the
     * time from challenge to proof (a proof back at machine speed is a bot's mark). The wait is a timer, nothing
     * blocks; the latency the report charges is the modelled time either way.
     */
    private long browserWaitMillis(double solvedCpuMillis, long challengedAt) {
        if (!vote.browserSolver()) {
            return 0;
        }
        double elapsed = (System.nanoTime() - challengedAt) / 1e6;
        return Math.round(solvedCpuMillis * target.browserSlowdown() - elapsed);
    }

    private void resend(Proof proof) {
        roundStart = System.nanoTime();
        send(proof);
    }

    /** What the proofs added to the vote's time: a browser is slower than Java by the modelled factor. */
    private double addedSolveMillis() {
        return vote.browserSolver() ? solveMillis * target.browserSlowdown() : solveMillis;
    }

    private void finish(int status, Outcome outcome, String rateLimitKey, String receiptId) {
        if (done.isDone()) {
            return;
        }
        double added = addedSolveMillis();
        done.complete(new VoteResult(target.phase(), vote, tokenAgeMillis, requests, challenges, maxDifficulty,
                solveMillis, added, networkMillis + added, Math.max(0, firstAnswerMillis), status, outcome,
                rateLimitKey, receiptId, false, 0, List.of()));
    }
}
