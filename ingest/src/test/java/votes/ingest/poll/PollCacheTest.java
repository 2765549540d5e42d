package votes.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.poll.Poll;
import votes.events.poll.PollClosed;
import votes.events.poll.PollCreated;
import votes.events.poll.PollOption;
import votes.events.poll.PollView;

class PollCacheTest {

    private final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
    private final List<PollOption> options = List.of(new PollOption("a", "A"), new PollOption("b", "B"));
    private final PollCreated created = new PollCreated(1, UUID.randomUUID(), "p1", "Lunch?", options, null, null, t0);

    @Test
    void aCreatedPollIsOpenUntilItsCloseIsFolded() {
        PollCache cache = new PollCache();
        cache.apply(created);
        assertThat(cache.get("p1").acceptsAt(t0.plusSeconds(1))).isTrue();
        cache.apply(new PollClosed(1, UUID.randomUUID(), "p1", t0.plusSeconds(10)));
        assertThat(cache.get("p1").acceptsAt(t0.plusSeconds(11))).isFalse();
    }

    @Test
    void theLogOverridesWhatTheLedgerToldUsButKeepsAKnownClose() {
        PollCache cache = new PollCache();
        Poll fromLedger = new PollView("p1", "Lunch?", options, null, null, null, null, "closed")
                .toPoll(t0.plusSeconds(5));
        cache.learn(fromLedger);
        cache.apply(created);
        assertThat(cache.get("p1").createdAt()).isEqualTo(t0);
        assertThat(cache.get("p1").acceptsAt(t0.plusSeconds(6))).isFalse();
    }

    @Test
    void aLedgerAnswerNeverReplacesWhatTheLogSaid() {
        PollCache cache = new PollCache();
        cache.apply(created);
        Poll kept = cache.learn(new PollView("p1", "other", options, null, null, null, null, "open").toPoll(t0));
        assertThat(kept.title()).isEqualTo("Lunch?");
    }

    @Test
    void aCloseBeforeItsCreationIsIgnored() {
        PollCache cache = new PollCache();
        cache.apply(new PollClosed(1, UUID.randomUUID(), "p9", t0));
        assertThat(cache.get("p9")).isNull();
    }
}
