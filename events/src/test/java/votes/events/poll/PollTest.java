package votes.events.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.id.EventIds;

class PollTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    private final PollCreated created = PollCreated.of(EventIds.next(), "p1", "Final",
            List.of(new PollOption("a", "A"), new PollOption("b", "B")), T0.plusSeconds(60), T0.plusSeconds(600), T0);

    @Test
    void statusFollowsTheWindow() {
        Poll poll = Poll.created(created);
        assertThat(poll.status(T0)).isEqualTo(PollStatus.SCHEDULED);
        assertThat(poll.status(T0.plusSeconds(60))).isEqualTo(PollStatus.OPEN);
        assertThat(poll.status(T0.plusSeconds(600)).slug()).isEqualTo("closed");
    }

    @Test
    void closingEarlyMovesTheEffectiveCloseAndASecondCloseNeverReopens() {
        Poll poll = Poll.fold(null, created);
        poll = Poll.fold(poll, PollClosed.of(EventIds.next(), "p1", T0.plusSeconds(120)));
        poll = Poll.fold(poll, PollClosed.of(EventIds.next(), "p1", T0.plusSeconds(300)));
        assertThat(poll.effectiveCloseAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(poll.status(T0.plusSeconds(130))).isEqualTo(PollStatus.CLOSED);
    }

    @Test
    void aCloseWithoutACreationFoldsToNothing() {
        assertThat(Poll.fold(null, PollClosed.of(EventIds.next(), "p1", T0))).isNull();
    }

    @Test
    void redeliveredCreationChangesNothing() {
        Poll poll = Poll.created(created);
        assertThat(poll.evolve(created)).isEqualTo(poll);
    }
}
