package votes.events.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StorableTest {

    private static final Instant AT = Instant.parse("2026-11-21T20:15:30Z");

    @Test
    void whatIngestProducesIsStorable() {
        assertThat(Storable.problems(VoteSubmitted.of(UUID.randomUUID(), "poll-1.a_b", "a".repeat(64), "opt", AT, null,
                null))).isEmpty();
    }

    @Test
    void everyUnstorableFieldIsNamed() {
        VoteSubmitted vote = VoteSubmitted.of(UUID.randomUUID(), "p\u0000", "v", "o\uDC00", Instant.parse("+10000-01-01T00:00:00Z"),
                null, null);
        assertThat(Storable.problems(vote)).containsExactly("pollId holds a NUL character at index 1",
                "optionId holds an unpaired UTF-16 surrogate at index 1",
                "submittedAt +10000-01-01T00:00:00Z is outside years 1-9999");
    }

    @Test
    void theBoundsThemselvesAreStorable() {
        assertThat(Storable.instantOrNull(Storable.EARLIEST)).isEqualTo(Storable.EARLIEST);
        assertThat(Storable.instantOrNull(Storable.LATEST)).isEqualTo(Storable.LATEST);
        assertThat(Storable.instantOrNull(Storable.EARLIEST.minusNanos(1))).isNull();
        assertThat(Storable.idOrNull("x".repeat(Storable.MAX_ID_LENGTH))).hasSize(Storable.MAX_ID_LENGTH);
        assertThat(Storable.idOrNull("x".repeat(Storable.MAX_ID_LENGTH + 1))).isNull();
    }
}
