package votes.system.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.Ballots.Ballot;
import votes.system.Ballots;
import votes.system.LedgerDatabase;
import votes.system.ResultsStream.TallyEvent;
import votes.system.ResultsStream;
import votes.system.VotesApi;

/**
 * Invariant 3, exact tallies: once quiet, the dashboard's last SSE event, the results API and the ledger's
 * own {@code GROUP BY} agree for every poll — also when the CDC relay and then the projections die with
 * {@code kill -9} in the middle of the run. While running, a dashboard never sees a tally go backwards.
 */
class TalliesMatchTheLedgerIT {

    private static final int VOTERS = 3_000;
    private static final int DUPLICATES = 500;
    private static final int CONCURRENCY = 32;
    private static final String[] OPTIONS = {"a", "b", "c"};
    /** Every voter must count once: a ballot ingest sheds (nothing stored) is sent again, as a client would. */
    private static final int SHED_RETRIES = 5;

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void sseResultsApiAndLedgerAgreeAfterThreeThousandVotesAndFiveHundredDuplicates() throws Exception {
        castAndCompare("calm", Integer.MAX_VALUE, () -> { });
    }

    @Test
    void talliesStayExactWhenTheRelayAndThenTheProjectionsAreKilledMidRun() throws Exception {
        castAndCompare("crash", VOTERS / 3, () -> {
            STACK.kill9("cdc-relay");
            STACK.start("cdc-relay");
            STACK.kill9("projections");
            STACK.start("projections");
        });
    }

    private void castAndCompare(String run, int harmAfter, Runnable harm) throws Exception {
        VotesApi api = new VotesApi(STACK.url());
        LedgerDatabase ledger = new LedgerDatabase(STACK.stack());
        String admin = STACK.token("admin-" + run, "admin");
        List<String> polls = List.of(api.createPoll(admin, run + " one", OPTIONS),
                api.createPoll(admin, run + " two", OPTIONS), api.createPoll(admin, run + " three", OPTIONS));
        List<ResultsStream> dashboards = new ArrayList<>();
        for (String poll : polls) {
            await().atMost(Duration.ofSeconds(30)).until(() -> api.results(poll).status() == 200);
            dashboards.add(ResultsStream.open(STACK.url(), poll, null));
        }

        List<Ballot> ballots = new ArrayList<>(VOTERS + DUPLICATES);
        List<String> tokens = new ArrayList<>(VOTERS);
        for (int i = 0; i < VOTERS; i++) {
            tokens.add(STACK.token(run + "-voter-" + i));
            ballots.add(new Ballot(tokens.get(i), polls.get(i % 3), OPTIONS[(i / 3) % 3]));
        }
        for (int i = 0; i < DUPLICATES; i++) {
            // The same voters again, same poll, another option: must never count.
            ballots.add(new Ballot(tokens.get(i * 5), polls.get((i * 5) % 3), OPTIONS[(i + 1) % 3]));
        }
        new Ballots(api, CONCURRENCY).retryingShed(SHED_RETRIES).cast(ballots, harmAfter, harm);

        for (int p = 0; p < polls.size(); p++) {
            String poll = polls.get(p);
            ResultsStream dashboard = dashboards.get(p);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                Map<String, Long> expected = ledger.tally(poll);
                assertThat(VotesApi.votesByOption(api.results(poll).json())).as("results API of " + poll)
                        .isEqualTo(expected);
                assertThat(dashboard.last()).as("a dashboard event for " + poll).isNotNull();
                assertThat(VotesApi.votesByOption(dashboard.last().data())).as("last SSE event of " + poll)
                        .isEqualTo(expected);
            });
            assertThat(ledger.tally(poll).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(VOTERS / 3);
            assertNeverBackwards(dashboard.events());
            dashboard.close();
        }
    }

    private static void assertNeverBackwards(List<TallyEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            TallyEvent before = events.get(i - 1);
            TallyEvent after = events.get(i);
            assertThat(after.id()).as("event ids (versions) grow").isGreaterThan(before.id());
            assertThat(after.data().get("totalVotes").asLong()).as("totals never go backwards")
                    .isGreaterThanOrEqualTo(before.data().get("totalVotes").asLong());
        }
    }
}
