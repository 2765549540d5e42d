package votes.ledger.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.poll.Poll;
import votes.events.poll.PollCreated;
import votes.events.poll.PollOption;
import votes.events.poll.PollRequest;
import votes.events.poll.PollRequest.OptionRequest;
import votes.events.poll.PollStatus;
import votes.events.poll.PollView;

class PollCreationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.123456789Z");

    @Test
    void newPollGetsTimeOrderedIdAndTheRequestedBallot() {
        PollCreated created = PollCreation.from(new PollRequest("Lunch?",
                List.of(new OptionRequest("a", "Pizza"), new OptionRequest("b", "Soup")), null, null), NOW);

        assertThat(UUID.fromString(created.pollId()).version()).isEqualTo(7);
        assertThat(created.eventId()).isNotEqualTo(UUID.fromString(created.pollId()));
        assertThat(created.title()).isEqualTo("Lunch?");
        assertThat(created.options()).containsExactly(new PollOption("a", "Pizza"), new PollOption("b", "Soup"));
        assertThat(created.schemaVersion()).isEqualTo(1);
    }

    @Test
    void instantsAreCutToDatabasePrecisionSoLogAndLedgerHoldTheSameWindow() {
        PollCreated created = PollCreation.from(new PollRequest("t",
                List.of(new OptionRequest("a", "A"), new OptionRequest("b", "B")),
                Instant.parse("2026-11-21T13:00:00.000000999Z"), Instant.parse("2026-11-21T14:00:00.000001999Z")), NOW);

        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-21T12:00:00.123456Z"));
        assertThat(created.opensAt()).isEqualTo(Instant.parse("2026-11-21T13:00:00Z"));
        assertThat(created.closesAt()).isEqualTo(Instant.parse("2026-11-21T14:00:00.000001Z"));
    }

    @Test
    void viewShowsStatusAtTheMomentAsked() {
        PollCreated created = PollCreation.from(new PollRequest("t",
                List.of(new OptionRequest("a", "A"), new OptionRequest("b", "B")),
                NOW.plusSeconds(60), NOW.plusSeconds(120)), NOW);
        Poll poll = Poll.created(created);

        assertThat(PollView.of(poll, NOW).status()).isEqualTo(PollStatus.SCHEDULED.slug());
        assertThat(PollView.of(poll, NOW.plusSeconds(90)).status()).isEqualTo("open");
        assertThat(PollView.of(poll, NOW.plusSeconds(120)).status()).isEqualTo("closed");
    }
}
