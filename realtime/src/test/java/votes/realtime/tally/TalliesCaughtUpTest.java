package votes.realtime.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TalliesCaughtUpTest {

    @Test
    void noPartitionFetchedYetIsNotCaughtUp() {
        assertThat(TalliesCaughtUp.readToTheEnd(Map.of(), 3)).isFalse();
    }

    @Test
    void aPartitionNotFetchedYetHoldsTheRestBack() {
        assertThat(TalliesCaughtUp.readToTheEnd(Map.of(0, 0.0, 1, 0.0), 3)).isFalse();
    }

    @Test
    void aPartitionWithRecordsLeftToReadHoldsTheRestBack() {
        assertThat(TalliesCaughtUp.readToTheEnd(Map.of(0, 0.0, 1, 4.0, 2, 0.0), 3)).isFalse();
    }

    @Test
    void everyPartitionFetchedWithNothingLeftIsCaughtUp() {
        assertThat(TalliesCaughtUp.readToTheEnd(Map.of(0, 0.0, 1, 0.0, 2, 0.0), 3)).isTrue();
    }
}
