package votes.ledger.voiding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import votes.events.vote.VoteSubmitted;
import votes.proofs.merkle.VoidLeaf;

class FirstVoidsTest {

    static final Instant AT = Instant.parse("2026-11-30T09:00:00.123456789Z");
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final FirstVoids voids = new FirstVoids();

    static VoidLeaf leaf(String poll, String reason, List<UUID> votes, int partition, long offset) {
        return new VoidLeaf(UUID.randomUUID(), poll, "flag", reason, AT, votes, partition, offset);
    }

    static VoteSubmitted vote(UUID id, String poll) {
        return VoteSubmitted.of(id, poll, "voter-" + id, "yes", AT, null, null);
    }

    @Test
    void theFirstVoidInOffsetOrderNamesAVoteWhateverOrderTheyWereAddedIn() {
        voids.add(leaf("p", "later", List.of(a, b), 0, 9));
        voids.add(leaf("p", "earlier", List.of(a), 0, 4));
        voids.add(leaf("p", "other partition", List.of(a, b), 1, 0));

        assertThat(voids.naming(List.of(vote(a, "p"), vote(b, "p"))))
                .extracting(NamedVote::voteId, NamedVote::reason, NamedVote::offset)
                .containsExactly(Tuple.tuple(a, "earlier", 4L),
                        Tuple.tuple(b, "later", 9L));
    }

    @Test
    void aVoidNamesOnlyVotesOfItsOwnPollAndKeepsItsInstantAtMicroseconds() {
        voids.add(leaf("p", "bots", List.of(a), 0, 1));

        assertThat(voids.naming(List.of(vote(a, "q"), vote(b, "p")))).isEmpty();
        assertThat(voids.naming(List.of(vote(a, "p")))).singleElement()
                .satisfies(named -> assertThat(named.voidedAt()).isEqualTo(Instant.parse(
                        "2026-11-30T09:00:00.123456Z")));
    }

    @Test
    void aRedeliveredVoidChangesNothing() {
        VoidLeaf once = leaf("p", "bots", List.of(a), 0, 1);
        voids.add(once);
        voids.add(once);

        assertThat(voids.naming(List.of(vote(a, "p")))).singleElement()
                .satisfies(named -> assertThat(named.voidEventId()).isEqualTo(once.eventId()));
        assertThat(voids.isEmpty()).isFalse();
    }
}
