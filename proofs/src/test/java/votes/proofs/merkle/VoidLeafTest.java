package votes.proofs.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.poll.VotesVoided;

class VoidLeafTest {

    private static final UUID A = UUID.fromString("0190f5c2-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("0190f5c2-0000-7000-8000-00000000000b");
    private static final Instant AT = Instant.parse("2026-11-30T09:00:00.123456789Z");

    @Test
    void theLeafDoesNotDependOnTheOrderTheVotesWereNamedIn() {
        VotesVoided one = VotesVoided.of(A, "p", "f", "bot farm", List.of(A, B), AT);
        VotesVoided other = VotesVoided.of(A, "p", "f", "bot farm", List.of(B, A), AT);
        assertThat(VoidLeaf.of(one, 2, 7).hash()).isEqualTo(VoidLeaf.of(other, 2, 7).hash());
    }

    @Test
    void everyFieldAndThePositionChangeTheHash() {
        VoidLeaf leaf = VoidLeaf.of(VotesVoided.of(A, "p", "f", "r", List.of(A), AT), 0, 1);
        List<VoidLeaf> others = List.of(
                VoidLeaf.of(VotesVoided.of(B, "p", "f", "r", List.of(A), AT), 0, 1),
                VoidLeaf.of(VotesVoided.of(A, "q", "f", "r", List.of(A), AT), 0, 1),
                VoidLeaf.of(VotesVoided.of(A, "p", "g", "r", List.of(A), AT), 0, 1),
                VoidLeaf.of(VotesVoided.of(A, "p", "f", "s", List.of(A), AT), 0, 1),
                VoidLeaf.of(VotesVoided.of(A, "p", "f", "r", List.of(B), AT), 0, 1),
                VoidLeaf.of(VotesVoided.of(A, "p", "f", "r", List.of(A), AT.plusSeconds(1)), 0, 1),
                VoidLeaf.of(VotesVoided.of(A, "p", "f", "r", List.of(A), AT), 1, 1),
                VoidLeaf.of(VotesVoided.of(A, "p", "f", "r", List.of(A), AT), 0, 2));
        others.forEach(other -> assertThat(other.hash()).isNotEqualTo(leaf.hash()));
    }

    @Test
    void aVoidLeafCannotCollideWithAVoteLeafOfTheSameFields() {
        VoidLeaf voided = VoidLeaf.of(VotesVoided.of(A, "p", "f", "r", List.of(A), AT), 0, 1);
        assertThat(new String(voided.encode(), java.nio.charset.StandardCharsets.UTF_8)).contains(VoidLeaf.TAG);
        assertThat(voided.voidedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00.123456Z"));
    }

    @Test
    void voidLogsAreNumberedAboveEveryVoteLog() {
        assertThat(VoidLeaf.logId(0)).isEqualTo(VoidLeaf.LOG_ID_BASE);
        assertThat(VoidLeaf.isVoidLog(VoidLeaf.logId(2))).isTrue();
        assertThat(VoidLeaf.isVoidLog(5)).isFalse();
    }
}
