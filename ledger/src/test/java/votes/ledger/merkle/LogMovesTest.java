package votes.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

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
}
