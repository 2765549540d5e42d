package votes.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.ledger.checkpoint.PollChain.Coverage;

class PollChainTest {

    private static final Instant T = Instant.parse("2026-11-21T12:00:00Z");
    private static final SignedCheckpoint LOGS_0_AND_1_OF_5 = signed(new LogHead(0, 5, "aa".repeat(32)),
            new LogHead(1, 5, "bb".repeat(32)));

    @Test
    void closedPollWhoseVotesTheCheckpointCoversIsFinal() {
        boolean covered = PollChain.covers(List.of(new Coverage(0, 3, 3, 4L), new Coverage(1, 1, 1, 0L)),
                LOGS_0_AND_1_OF_5);
        assertThat(covered).isTrue();
        PollChain chain = PollChain.of(closed(), 4, covered, LOGS_0_AND_1_OF_5);
        assertThat(chain.recordedVotes()).isEqualTo(4);
        assertThat(chain.isFinal()).isTrue();
    }

    @Test
    void aLeafBeyondTheCheckpointOrInALogItLacksIsNotCoveredYet() {
        assertThat(PollChain.covers(List.of(new Coverage(0, 1, 1, 5L)), LOGS_0_AND_1_OF_5)).isFalse();
        assertThat(PollChain.covers(List.of(new Coverage(2, 1, 1, 0L)), LOGS_0_AND_1_OF_5)).isFalse();
        assertThat(PollChain.covers(List.of(new Coverage(0, 1, 1, 0L)), null)).isFalse();
        assertThat(PollChain.of(closed(), 1, false, LOGS_0_AND_1_OF_5).isFinal()).isFalse();
    }

    @Test
    void votesRecordedBeforeTheMerkleLogAreNeverCovered() {
        assertThat(PollChain.covers(List.of(new Coverage(0, 2, 1, 0L)), LOGS_0_AND_1_OF_5)).isFalse();
    }

    @Test
    void openPollsAndPollsOnlyPastTheirClosesAtAreNotFinal() {
        Poll open = new Poll("p", "t", List.of(new PollOption("a", "A")), null, null, null, T);
        Poll pastClosesAt = new Poll("p", "t", List.of(new PollOption("a", "A")), null, T.plusSeconds(1), null, T);
        assertThat(PollChain.of(open, 0, true, LOGS_0_AND_1_OF_5).isFinal()).isFalse();
        assertThat(PollChain.of(pastClosesAt, 0, true, LOGS_0_AND_1_OF_5).isFinal()).isFalse();
        // A closed poll without votes is final even before the first checkpoint: there is nothing to cover.
        assertThat(PollChain.covers(List.of(), null)).isTrue();
        assertThat(PollChain.of(closed(), 0, PollChain.covers(List.of(), null), null).isFinal()).isTrue();
    }

    private static Poll closed() {
        return new Poll("p", "t", List.of(new PollOption("a", "A")), null, null, T.plusSeconds(60), T);
    }

    private static SignedCheckpoint signed(LogHead... heads) {
        return new SignedCheckpoint(new Checkpoint("o", 1, T, List.of(heads)), "sig", "key", "id");
    }
}
