package votes.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;

/**
 * Invariant 1 under the crash that hurts most: the ledger dies with {@code kill -9} between writing a batch
 * and committing its offsets, while votes keep coming. After a restart every vote that got a 202 is recorded,
 * exactly once.
 */
class LedgerKilledMidRunIT {

    private static final int VOTES = 2_000;
    private static final int KILL_AFTER = 600;
    private static final int CONCURRENCY = 32;

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void everyAcceptedVoteIsRecordedExactlyOnceAfterTheLedgerIsKilledAndRestarted() throws Exception {
        VotesApi api = new VotesApi(STACK.url());
        LedgerDatabase ledger = new LedgerDatabase(STACK.jdbcUrl());
        String pollId = api.createPoll(STACK.token("admin-1", "admin"), "Crash", "a", "b", "c");
        List<String> tokens = new ArrayList<>(VOTES);
        for (int i = 0; i < VOTES; i++) {
            tokens.add(STACK.token("crash-voter-" + i));
        }

        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        Semaphore window = new Semaphore(CONCURRENCY);
        List<CompletableFuture<Void>> sent = new ArrayList<>(VOTES);
        boolean killed = false;
        for (int i = 0; i < VOTES; i++) {
            if (!killed && accepted.size() >= KILL_AFTER) {
                STACK.kill9("ledger");
                killed = true;
            }
            window.acquire();
            sent.add(api.voteAsync(tokens.get(i), pollId, "abc".substring(i % 3, i % 3 + 1))
                    .thenAccept(reply -> {
                        if (reply.status() == 202) {
                            accepted.add(UUID.fromString(reply.json().get("receiptId").asText()));
                        } else {
                            refused.incrementAndGet();
                        }
                    })
                    .whenComplete((ok, error) -> window.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        assertThat(killed).as("the ledger was killed mid-run").isTrue();
        // Ingest does not depend on the ledger for known polls: votes keep being accepted while it is down.
        assertThat(accepted).hasSizeGreaterThan(VOTES * 9 / 10);

        STACK.start("ledger");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> ledger.recordedAmong(accepted) == accepted.size());
        assertThat(ledger.recordedVotes(pollId)).isEqualTo(accepted.size());
        assertThat(ledger.rejectedAmong(accepted)).isZero();
    }
}
