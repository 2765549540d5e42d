package votes.ledger.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import votes.events.poll.VotesVoided;

class VoidChunksTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aGroupLargerThanOneEventIsSplitIntoChunksOfOneFlagInOrder() {
        List<UUID> ids = IntStream.range(0, 2 * VotesVoided.MAX_VOTES + 1).mapToObj(i -> UUID.randomUUID()).toList();

        List<VotesVoided> chunks = VoidChunks.of("p", "f", "fraud review: x", ids, AT, UUID::randomUUID);

        assertThat(chunks).extracting(chunk -> chunk.voteIds().size())
                .containsExactly(VotesVoided.MAX_VOTES, VotesVoided.MAX_VOTES, 1);
        assertThat(chunks.stream().flatMap(chunk -> chunk.voteIds().stream()).toList()).isEqualTo(ids);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.flagId()).isEqualTo("f");
            assertThat(chunk.pollId()).isEqualTo("p");
            assertThat(chunk.voidedAt()).isEqualTo(AT);
        });
        assertThat(chunks).extracting(VotesVoided::eventId).doesNotHaveDuplicates();
    }

    @Test
    void noVotesMeansNoEvent() {
        assertThat(VoidChunks.of("p", "f", "r", List.of(), AT, UUID::randomUUID)).isEmpty();
    }

    @Test
    void theReasonQuotesTheNoteElseTheStrongestReasonElseTheSubject() {
        assertThat(VoidChunks.reason("  one /24  ", new String[] {"headless"}, "prefix"))
                .isEqualTo("fraud review: one /24");
        assertThat(VoidChunks.reason(" ", new String[] {"headless", "velocity"}, "prefix"))
                .isEqualTo("fraud review: headless");
        assertThat(VoidChunks.reason(null, new String[0], "device")).isEqualTo("fraud review: flagged device");
    }
}
