package votes.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Casts many ballots through the API with a bounded number in flight, like a crowd on a TV final, and can
 * do something harmful (kill a service) once a given number has been accepted.
 */
public final class Ballots {

    /** One ballot to cast: who, where, for what. */
    public record Ballot(String token, String pollId, String optionId) {
    }

    private final VotesApi api;
    private final int concurrency;
    private final int shedRetries;

    public Ballots(VotesApi api, int concurrency) {
        this(api, concurrency, 0);
    }

    private Ballots(VotesApi api, int concurrency, int shedRetries) {
        this.api = api;
        this.concurrency = concurrency;
        this.shedRetries = shedRetries;
    }

    /**
     * These ballots, each sent again after its {@code Retry-After} when ingest sheds it (503 {@code overloaded}), up
     * to {@code retries} times, as a real client does. Exact for a test that counts every voter: a shed vote was
     * not stored (API.md), so its retry cannot count twice — unlike a 503 {@code unavailable}, never retried here.
     * For tests of the counting, not of the shedding: on a loaded machine ingest may shed a few of a burst.
     */
    public Ballots retryingShed(int retries) {
        return new Ballots(api, concurrency, retries);
    }

    /**
     * Casts every ballot and returns the receipt ids of those answered 202. Runs {@code midway} once, from the
     * casting thread, when {@code afterAccepted} ballots got a 202 ({@link Integer#MAX_VALUE}: never).
     */
    public Set<UUID> cast(List<Ballot> ballots, int afterAccepted, Runnable midway) throws InterruptedException {
        return cast(ballots, afterAccepted, midway, false);
    }

    /**
     * Like {@link #cast(List, int, Runnable)}, for a {@code midway} that takes the gateway down: a ballot whose
     * request fails in transport (connection refused or closed) is simply not accepted, instead of failing the run.
     */
    public Set<UUID> castThroughOutages(List<Ballot> ballots, int afterAccepted, Runnable midway)
            throws InterruptedException {
        return cast(ballots, afterAccepted, midway, true);
    }

    private Set<UUID> cast(List<Ballot> ballots, int afterAccepted, Runnable midway, boolean outagesExpected)
            throws InterruptedException {
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        Semaphore window = new Semaphore(concurrency);
        List<CompletableFuture<Void>> sent = new ArrayList<>(ballots.size());
        boolean done = false;
        for (Ballot ballot : ballots) {
            if (!done && accepted.size() >= afterAccepted) {
                midway.run();
                done = true;
            }
            window.acquire();
            CompletableFuture<Void> vote = send(ballot, shedRetries)
                    .thenAccept(reply -> {
                        if (reply.status() == 202) {
                            accepted.add(UUID.fromString(reply.json().get("receiptId").asText()));
                        }
                    })
                    .whenComplete((ok, error) -> window.release());
            sent.add(outagesExpected ? vote.exceptionally(error -> null) : vote);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        if (!done && afterAccepted != Integer.MAX_VALUE) {
            throw new AssertionError("only " + accepted.size() + " ballots were accepted; the midway step never ran");
        }
        return Set.copyOf(accepted);
    }

    private CompletableFuture<VotesApi.Reply> send(Ballot ballot, int retriesLeft) {
        return api.voteAsync(ballot.token(), ballot.pollId(), ballot.optionId()).thenCompose(reply -> {
            if (retriesLeft == 0 || !shed(reply)) {
                return CompletableFuture.completedFuture(reply);
            }
            String retryAfter = reply.header("Retry-After");
            long delaySeconds = retryAfter == null ? 1 : Long.parseLong(retryAfter.trim());
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delaySeconds, TimeUnit.SECONDS))
                    .thenCompose(ignored -> send(ballot, retriesLeft - 1));
        });
    }

    private static boolean shed(VotesApi.Reply reply) {
        return reply.status() == 503 && reply.json().path("type").asText().endsWith("/overloaded");
    }
}
