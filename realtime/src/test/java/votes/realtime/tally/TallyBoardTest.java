package votes.realtime.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.tally.Tally;
import votes.events.tally.TallyOption;

class TallyBoardTest {

    private final TallyBoard board = new TallyBoard();

    private static Tally tally(String pollId, long version, long total) {
        return new Tally(pollId, "t", List.of(new TallyOption("a", "A", total)), total, version, Instant.now(), false);
    }

    @Test
    void aNewerTallyReplacesTheHeldOne() {
        assertThat(board.accept(tally("p", 1, 1))).isTrue();
        assertThat(board.accept(tally("p", 2, 5))).isTrue();
        assertThat(board.get("p")).hasValueSatisfying(t -> assertThat(t.totalVotes()).isEqualTo(5));
    }

    @Test
    void anOlderOrRepeatedTallyIsIgnoredSoCountsNeverGoBackwards() {
        List<Long> seen = new ArrayList<>();
        board.onChange(t -> seen.add(t.version()));
        board.accept(tally("p", 5, 10));
        assertThat(board.accept(tally("p", 4, 8))).isFalse();
        assertThat(board.accept(tally("p", 5, 10))).isFalse();
        assertThat(board.get("p").orElseThrow().version()).isEqualTo(5);
        assertThat(seen).containsExactly(5L);
    }

    @Test
    void aWaiterForAPollIsReleasedByItsFirstTally() {
        CompletableFuture<Tally> first = board.first("p");
        assertThat(first).isNotDone();
        board.accept(tally("p", 0, 0));
        assertThat(first).isCompletedWithValueMatching(t -> t.version() == 0);
        assertThat(board.first("p")).isDone();
    }

    @Test
    void theContractsTallyJsonIsRead() {
        Tally tally = EventCodec.decodeTally("""
                {"pollId":"p1","title":"Lunch","options":[{"optionId":"a","label":"Pizza","votes":2},
                {"optionId":"b","label":null,"votes":0}],"totalVotes":2,"version":7,
                "asOf":"2026-03-01T12:00:00.123Z","final":true,"somethingNew":1}""".getBytes(StandardCharsets.UTF_8));
        assertThat(tally.pollId()).isEqualTo("p1");
        assertThat(tally.options()).hasSize(2);
        assertThat(tally.options().get(1).label()).isNull();
        assertThat(tally.version()).isEqualTo(7);
        assertThat(tally.closed()).isTrue();
        assertThat(tally.asOf()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    }
}
