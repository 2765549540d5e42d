package votes.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LogMovesTest {

    @Test
    void aFreshProcessLooksOnceBecauseAnEarlierOneMayHaveLeftMovesUncovered() {
        LogMoves moves = new LogMoves();

        assertThat(moves.take()).isTrue();
        assertThat(moves.take()).isFalse();
    }

    @Test
    void aCommittedMoveIsTakenOnce() {
        LogMoves moves = new LogMoves();
        moves.take();

        moves.committed();

        assertThat(moves.take()).isTrue();
        assertThat(moves.take()).isFalse();
    }

    @Test
    void aLookThatDidNotCoverTheMovesKeepsThemForTheNext() {
        LogMoves moves = new LogMoves();
        moves.take();
        moves.committed();
        assertThat(moves.take()).isTrue();

        moves.keep();

        assertThat(moves.take()).isTrue();
    }

    @Test
    void aLookIsAskedForOnceWhenTheFirstMoveAfterALookIsMarkedNotForEveryMove() {
        LogMoves moves = new LogMoves();
        AtomicInteger asked = new AtomicInteger();
        moves.whenMarked(asked::incrementAndGet);

        moves.committed(); // still marked from the start: nothing new to ask for
        assertThat(asked).hasValue(0);

        moves.take();
        moves.committed();
        moves.committed();
        assertThat(asked).hasValue(1);
        assertThat(moves.marked()).isTrue();

        moves.take();
        moves.keep();
        assertThat(asked).hasValue(2);
    }
}
