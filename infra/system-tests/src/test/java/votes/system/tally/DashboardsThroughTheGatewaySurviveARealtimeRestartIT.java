package votes.system.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.ResultsStream;
import votes.system.ResultsStream.TallyEvent;
import votes.system.VotesApi;

/**
 * The gateway relays each poll's stream from one subscription to the real realtime: its dashboards keep their
 * connection while realtime is killed and restarted, and then get the votes cast meanwhile, without reconnecting
 * (these clients never reconnect), with versions that only grow.
 */
class DashboardsThroughTheGatewaySurviveARealtimeRestartIT {

    private static final int DASHBOARDS = 50;

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void dashboardsKeepTheirStreamAcrossARealtimeKill9AndGetTheVotesCastMeanwhile() {
        VotesApi api = new VotesApi(STACK.url());
        String poll = api.createPoll(STACK.token("admin-relay", "admin"), "Relay", "a", "b");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.results(poll).status() == 200);

        List<ResultsStream> dashboards = new ArrayList<>();
        try {
            for (int i = 0; i < DASHBOARDS; i++) {
                dashboards.add(ResultsStream.open(STACK.url(), poll, null));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(api.vote(STACK.token("relay-before-" + i), poll, "a").status()).isEqualTo(202);
            }
            awaitTotal(dashboards, 5);

            STACK.kill9("realtime");
            for (int i = 0; i < 5; i++) {
                assertThat(api.vote(STACK.token("relay-during-" + i), poll, "b").status()).isEqualTo(202);
            }
            STACK.start("realtime");

            awaitTotal(dashboards, 10);
            assertThat(dashboards).allSatisfy(d -> {
                List<Long> ids = d.events().stream().map(TallyEvent::id).toList();
                assertThat(ids).isSorted().doesNotHaveDuplicates();
                assertThat(d.last().data().get("options").toString()).contains("\"votes\":5");
            });
            assertThat(api.results(poll).json().get("totalVotes").asLong()).isEqualTo(10);
        } finally {
            dashboards.forEach(ResultsStream::close);
        }
    }

    private static void awaitTotal(List<ResultsStream> dashboards, long total) {
        await().atMost(Duration.ofSeconds(120)).until(() -> dashboards.stream()
                .allMatch(d -> d.last() != null && d.last().data().get("totalVotes").asLong() == total));
    }
}
