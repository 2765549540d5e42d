package votes.system.fault;

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
        LedgerDatabase ledger = new LedgerDatabase(STACK.stack());
        String pollId = api.createPoll(STACK.token("admin-1", "admin"), "Crash", "a", "b", "c");
        List<Ballot> ballots = new ArrayList<>(VOTES);
        for (int i = 0; i < VOTES; i++) {
            ballots.add(new Ballot(STACK.token("crash-voter-" + i), pollId, "abc".substring(i % 3, i % 3 + 1)));
        }
        Set<UUID> accepted = new Ballots(api, CONCURRENCY).cast(ballots, KILL_AFTER, () -> STACK.kill9("ledger"));
        // Ingest does not depend on the ledger for known polls: votes keep being accepted while it is down.
        assertThat(accepted).hasSizeGreaterThan(VOTES * 9 / 10);

        STACK.start("ledger");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> ledger.recordedAmong(accepted) == accepted.size());
        assertThat(ledger.recordedVotes(pollId)).isEqualTo(accepted.size());
        assertThat(ledger.rejectedAmong(accepted)).isZero();
    }
}
