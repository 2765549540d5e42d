package votes.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import votes.infra.test.VoteStackExtension;

/** Where the counted votes of a poll show, and a wait until every one of them says the same. */
public final class CountedVotes {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private CountedVotes() {
    }

    /** The ledger's counted votes, the results API and the last SSE event of {@code dashboard} all say {@code expected}. */
    public static void awaitEverywhere(VoteStackExtension stack, VotesApi api, ResultsStream dashboard, String poll,
                                       Map<String, Long> expected) {
        LedgerDatabase ledger = new LedgerDatabase(stack.stack());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(ledger.tally(poll)).as("the ledger's counted votes").isEqualTo(expected);
            assertThat(VotesApi.votesByOption(api.results(poll).json())).as("results API").isEqualTo(expected);
            assertThat(dashboard.last()).as("an SSE event").isNotNull();
            assertThat(VotesApi.votesByOption(dashboard.last().data())).as("last SSE event").isEqualTo(expected);
        });
    }
}
