package votes.system.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.system.ResultsStream;
import votes.system.ResultsStream.TallyEvent;
import votes.system.VotesApi;

/** A dashboard that reconnects with Last-Event-ID gets nothing it already had and misses nothing after it. */
class ResultsStreamResumeIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void reconnectingWithLastEventIdResumesAfterThatVersion() throws Exception {
        VotesApi api = new VotesApi(STACK.url());
        String poll = api.createPoll(STACK.token("admin-resume", "admin"), "Resume", "a", "b");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.results(poll).status() == 200);

        long seen;
        try (ResultsStream first = ResultsStream.open(STACK.url(), poll, null)) {
            for (int i = 0; i < 20; i++) {
                api.vote(STACK.token("resume-a-" + i), poll, "a");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> first.last() != null
                    && first.last().data().get("totalVotes").asLong() == 20);
            seen = first.last().id();
        }

        for (int i = 0; i < 10; i++) {
            api.vote(STACK.token("resume-b-" + i), poll, "b");
        }
        try (ResultsStream resumed = ResultsStream.open(STACK.url(), poll, seen)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.last() != null
                    && resumed.last().data().get("totalVotes").asLong() == 30);
            List<TallyEvent> events = resumed.events();
            assertThat(events).allSatisfy(event -> assertThat(event.id()).isGreaterThan(seen));
            assertThat(resumed.last().data().get("options").toString()).contains("\"votes\":20", "\"votes\":10");
        }

        // Up to date already: a reconnect with the newest id gets no stale first event.
        long newest = api.results(poll).json().get("version").asLong();
        try (ResultsStream current = ResultsStream.open(STACK.url(), poll, newest)) {
            Thread.sleep(1_000); // proves nothing stale arrives: there is no event to wait for
            assertThat(current.events()).allSatisfy(event -> assertThat(event.id()).isGreaterThan(newest));
        }
    }
}
