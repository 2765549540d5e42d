package votes.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.Ballots.Ballot;
import votes.system.Ballots;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;

/**
 * Issue 8, item 9: the CDC relay survives every graceful restart. Under a stream of votes through the gateway,
 * the relay alone, then PostgreSQL alone, then the whole stack (like {@code ./vote down} and {@code ./vote up})
 * are stopped gracefully and started again; afterwards every accepted vote is in the ledger and the results API
 * counts, per option, exactly what {@code SELECT option_id, count(*) FROM votes GROUP BY option_id} says.
 */
class RelayResumesAfterRestartsIT {

    private static final int VOTES = 1_200;
    private static final int RESTART_AFTER = 300;
    private static final int CONCURRENCY = 16;
    private static final String[] OPTIONS = {"a", "b", "c"};
    /** Long enough for rows to pile up behind whatever is down, short next to the suite. */
    private static final Duration DOWN_FOR = Duration.ofSeconds(3);
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void talliesEqualTheLedgerAfterTheRelayAloneIsStoppedAndStartedMidRun() throws Exception {
        castRestartAndCompare("relay", () -> {
            STACK.stop("cdc-relay");
            pause(DOWN_FOR);
            STACK.start("cdc-relay");
        });
    }

    @Test
    void talliesEqualTheLedgerAfterPostgresAloneIsStoppedAndStartedMidRun() throws Exception {
        castRestartAndCompare("postgres", () -> {
            STACK.stop("postgres");
            pause(DOWN_FOR);
            STACK.start("postgres");
        });
        await().atMost(CATCH_UP).until(() -> STACK.isUp("cdc-relay"));
    }

    @Test
    void talliesEqualTheLedgerAfterTheWholeStackIsStoppedAndStartedMidRun() throws Exception {
        castRestartAndCompare("everything", STACK::restartEverything);
    }

    /**
     * Casts {@link #VOTES} ballots of distinct voters for a fresh poll; once {@link #RESTART_AFTER} are accepted the
     * restart runs beside the stream (ballots keep coming; those that meet a stopped service are simply not
     * accepted), then every accepted vote must be recorded and the results must equal the ledger's count.
     */
    private void castRestartAndCompare(String run, Runnable restart) throws Exception {
        VotesApi api = new VotesApi(STACK.url());
        LedgerDatabase ledger = new LedgerDatabase(STACK.stack());
        String poll = api.createPoll(STACK.token("admin-" + run, "admin"), "restart " + run, OPTIONS);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.results(poll).status() == 200);
        List<Ballot> ballots = new ArrayList<>(VOTES);
        for (int i = 0; i < VOTES; i++) {
            ballots.add(new Ballot(STACK.token(run + "-voter-" + i), poll, OPTIONS[i % OPTIONS.length]));
        }

        AtomicReference<Throwable> restartFailure = new AtomicReference<>();
        Thread restarting = new Thread(() -> {
            try {
                restart.run();
            } catch (Throwable e) {
                restartFailure.set(e);
            }
        }, "restart-" + run);
        long started = System.nanoTime();
        Set<UUID> accepted = new Ballots(api, CONCURRENCY).castThroughOutages(ballots, RESTART_AFTER, restarting::start);
        restarting.join();
        assertThat(restartFailure.get()).as("the restart of " + run).isNull();
        long restartedAfter = System.nanoTime();

        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> ledger.recordedAmong(accepted) == accepted.size());
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(STACK.isUp("cdc-relay")).as("relay ready").isTrue();
            assertThat(VotesApi.votesByOption(api.results(poll).json())).as("results API of " + poll)
                    .isEqualTo(ledger.tally(poll));
        });
        // A ballot whose 202 was lost with a stopping gateway may be recorded too: at least the accepted ones.
        long total = ledger.tally(poll).values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween((long) accepted.size(), (long) VOTES);
        System.out.printf("[relay-restarts] %s: %d of %d ballots accepted (202), all recorded, %d recorded in all;"
                        + " tallies = ledger %d s after the restart ended (%d s in all)%n", run, accepted.size(), VOTES,
                total, Duration.ofNanos(System.nanoTime() - restartedAfter).toSeconds(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** How long a component stays down while votes keep coming: the scenario's timeline, not a wait for a condition. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
