package votes.ledger.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import votes.events.id.EventIds;
import votes.events.vote.VoteSubmitted;

class TallyDeltasTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void insertedVotesBecomeOneDeltaPerPollAndOptionInFirstSeenOrder() {
        List<VoteSubmitted> inserted = List.of(vote("p1", "b"), vote("p1", "a"), vote("p1", "b"), vote("p2", "a"),
                vote("p1", "b"));
        Iterator<UUID> ids = Stream.generate(EventIds::next).limit(3).toList().iterator();

        List<TallyDelta> deltas = TallyDeltas.of(inserted, ids::next);

        assertThat(deltas).extracting(TallyDelta::pollId, TallyDelta::optionId, TallyDelta::voteCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", "b", 3),
                        org.assertj.core.groups.Tuple.tuple("p1", "a", 1),
                        org.assertj.core.groups.Tuple.tuple("p2", "a", 1));
        assertThat(deltas).extracting(TallyDelta::deltaId).doesNotHaveDuplicates();
    }

    @Test
    void aDeltaCarriesTheTraceOfTheFirstTracedVoteItCounts() {
        VoteSubmitted untraced = vote("p1", "a");
        VoteSubmitted first = vote("p1", "a");
        VoteSubmitted second = vote("p1", "a");
        VoteSubmitted other = vote("p1", "b");
        String firstTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String secondTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        List<TallyDelta> deltas = TallyDeltas.of(List.of(untraced, first, second, other),
                java.util.Map.of(first.eventId(), firstTrace, second.eventId(), secondTrace), EventIds::next);

        assertThat(deltas).extracting(TallyDelta::optionId, TallyDelta::voteCount, TallyDelta::traceparent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 3, firstTrace),
                        org.assertj.core.groups.Tuple.tuple("b", 1, null));
    }

    @Test
    void batchThatInsertedNothingHasNoDelta() {
        assertThat(TallyDeltas.of(List.of(), EventIds::next)).isEmpty();
    }

    @Test
    void voidedVotesBecomeOneNegativeDeltaPerOptionOfThePoll() {
        Iterator<UUID> ids = Stream.generate(EventIds::next).limit(2).toList().iterator();

        List<TallyDelta> deltas = TallyDeltas.voided("p1", List.of("b", "a", "b"), ids::next);

        assertThat(deltas).extracting(TallyDelta::pollId, TallyDelta::optionId, TallyDelta::voteCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", "b", -2),
                        org.assertj.core.groups.Tuple.tuple("p1", "a", -1));
        assertThat(TallyDeltas.voided("p1", List.of(), EventIds::next)).as("a void that voided nothing").isEmpty();
    }

    @Test
    void deltaWithoutVotesCannotExist() {
        assertThatThrownBy(() -> new TallyDelta(EventIds.next(), "p1", "a", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static VoteSubmitted vote(String pollId, String optionId) {
        return VoteSubmitted.of(EventIds.next(), pollId, "voter-" + UUID.randomUUID(), optionId, NOW, null, null);
    }
}
