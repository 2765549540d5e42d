package votes.system.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.Ballots.Ballot;
import votes.system.Ballots;
import votes.system.LedgerDatabase;
import votes.system.StackCli;
import votes.system.VotesApi;

/**
 * {@code ./vote relay reset}, the recovery of a relay that cannot resume, run as an operator runs it (the packaged
 * CLI as a process) on the whole stack: the relay is stopped, its slot dropped and its offsets file deleted, and
 * the relay started again snapshots every tally delta a second time; the tallies still equal the ledger, before and
 * after more votes, so nothing was counted twice.
 */
class RelayResetIT {

    private static final int VOTES = 60;
    private static final int CONCURRENCY = 8;
    private static final String[] OPTIONS = {"a", "b", "c"};
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final long CLI_TIMEOUT_SECONDS = 240;

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void aResetRelaySnapshotsAgainAndTheTalliesStillEqualTheLedger() throws Exception {
        VotesApi api = new VotesApi(STACK.url());
        LedgerDatabase ledger = new LedgerDatabase(STACK.stack());
        String poll = api.createPoll(STACK.token("reset-admin", "admin"), "relay reset", OPTIONS);
        castAndAwaitTallies(api, ledger, poll, "before");

        StackCli.Run reset = new StackCli(STACK.stack().settings()).run(CLI_TIMEOUT_SECONDS, "relay", "reset");

        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(reset.output()).contains("cdc-relay stopped", "dropped slot votes_cdc_relay", "deleted",
                "offsets.dat", "cdc-relay up on");
        assertThat(STACK.isUp("cdc-relay")).isTrue();
        // The snapshot re-delivered every delta: projections skip those they applied.
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(VotesApi.votesByOption(api.results(poll).json())).isEqualTo(ledger.tally(poll)));
        castAndAwaitTallies(api, ledger, poll, "after");
        assertThat(ledger.tally(poll).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * VOTES);
    }

    @Test
    void withNoStartTheRelayStaysDownUntilItIsStarted() {
        StackCli.Run reset = new StackCli(STACK.stack().settings()).run(CLI_TIMEOUT_SECONDS, "relay", "reset",
                "--no-start");

        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(reset.output()).contains("dropped slot votes_cdc_relay", "start the relay with ./vote up");
        assertThat(STACK.isUp("cdc-relay")).isFalse();
        STACK.start("cdc-relay");
        assertThat(STACK.isUp("cdc-relay")).isTrue();
    }

    private static void castAndAwaitTallies(VotesApi api, LedgerDatabase ledger, String poll, String run)
            throws InterruptedException {
        List<Ballot> ballots = new ArrayList<>(VOTES);
        for (int i = 0; i < VOTES; i++) {
            ballots.add(new Ballot(STACK.token("reset-" + run + "-" + i), poll, OPTIONS[i % OPTIONS.length]));
        }
        Set<UUID> accepted = new Ballots(api, CONCURRENCY).cast(ballots, Integer.MAX_VALUE, () -> { });
        assertThat(accepted).hasSize(VOTES);
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> ledger.recordedAmong(accepted) == accepted.size());
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(VotesApi.votesByOption(api.results(poll).json())).isEqualTo(ledger.tally(poll)));
    }
}
