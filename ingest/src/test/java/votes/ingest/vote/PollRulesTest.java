package votes.ingest.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

/** The poll checks of {@link SubmitVote}: found, inside its window, and the option on it. */
class PollRulesTest {

    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final List<PollOption> options = List.of(new PollOption("a", "A"), new PollOption("b", "B"));

    private static VoteCommand vote(String optionId) {
        return new VoteCommand("p1", "voter", null, optionId, null, null, null, null, null, null, null, null, null, List.of());
    }

    private Poll poll(Instant opensAt, Instant closesAt, Instant closedAt) {
        return new Poll("p1", "Lunch?", options, opensAt, closesAt, closedAt, now.minus(Duration.ofHours(1)));
    }

    @Test
    void aVoteForAnOptionOfAnOpenPollPasses() {
        assertThat(SubmitVote.checkPoll(vote("b"), Optional.of(poll(null, now.plusSeconds(60), null)), now)).isEmpty();
    }

    @Test
    void anUnknownPollIsNotFound() {
        assertThat(SubmitVote.checkPoll(vote("a"), Optional.empty(), now))
                .contains(new VoteOutcome.PollNotFound("p1"));
    }

    @Test
    void aPollBeforeItsOpeningOrAfterItsCloseIsNotOpen() {
        assertThat(SubmitVote.checkPoll(vote("a"), Optional.of(poll(now.plusSeconds(1), null, null)), now))
                .contains(new VoteOutcome.PollNotOpen("p1", "scheduled"));
        assertThat(SubmitVote.checkPoll(vote("a"), Optional.of(poll(null, now, null)), now))
                .contains(new VoteOutcome.PollNotOpen("p1", "closed"));
        assertThat(SubmitVote.checkPoll(vote("a"), Optional.of(poll(null, null, now.minusSeconds(1))), now))
                .contains(new VoteOutcome.PollNotOpen("p1", "closed"));
    }

    @Test
    void anOptionNotOnThePollIsUnknown() {
        assertThat(SubmitVote.checkPoll(vote("c"), Optional.of(poll(null, null, null)), now))
                .contains(new VoteOutcome.UnknownOption("p1", "c"));
    }

    @Test
    void aClosedPollWinsOverAnUnknownOption() {
        assertThat(SubmitVote.checkPoll(vote("c"), Optional.of(poll(null, null, now.minusSeconds(1))), now))
                .contains(new VoteOutcome.PollNotOpen("p1", "closed"));
    }
}
