package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.codec.VoteRecord;
import votes.events.deadletter.DeadLetterReason;

class PartitionGroupsTest {

    @Test
    void aBatchBelowTheSplitIsOneTransaction() {
        List<BatchRecord> batch = records(new int[] {0, 1, 2, 0, 1, 2});

        assertThat(PartitionGroups.of(batch, 7)).containsExactly(batch);
        assertThat(PartitionGroups.of(batch, 0)).as("0 never splits").containsExactly(batch);
    }

    @Test
    void aBatchOfOnePartitionIsOneTransactionHoweverLarge() {
        List<BatchRecord> batch = records(new int[] {4, 4, 4, 4});

        assertThat(PartitionGroups.of(batch, 2)).containsExactly(batch);
    }

    @Test
    void aLargeBatchIsSplitIntoTwoGroupsOfWholePartitionsEachInLogOrder() {
        // Partition 0: 4 records, 1: 3, 2: 2, 3: 1, interleaved as a fetch returns them.
        List<BatchRecord> batch = records(new int[] {0, 1, 0, 2, 1, 0, 3, 2, 1, 0});

        List<List<BatchRecord>> groups = PartitionGroups.of(batch, 10);

        assertThat(groups).hasSize(2);
        assertThat(groups).flatExtracting(group -> group).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(groups).allSatisfy(group -> assertThat(group).isSortedAccordingTo(
                (a, b) -> a.partition() == b.partition() ? Long.compare(a.offset(), b.offset()) : 0));
        List<Integer> sizes = groups.stream().map(List::size).toList();
        assertThat(sizes).containsExactlyInAnyOrder(5, 5);
        assertThat(partitionsOf(groups.get(0))).doesNotContainAnyElementsOf(partitionsOf(groups.get(1)));
    }

    private static List<Integer> partitionsOf(List<BatchRecord> group) {
        return group.stream().map(BatchRecord::partition).distinct().toList();
    }

    /** Poison records stand in for any record here: the split looks at partitions and nothing else. */
    private static List<BatchRecord> records(int[] partitions) {
        List<BatchRecord> records = new ArrayList<>();
        for (int i = 0; i < partitions.length; i++) {
            records.add(new PoisonEntry(new VoteRecord.Poison(DeadLetterReason.MALFORMED, "test", null, null, null,
                    null, null, null), partitions[i], 100 + i));
        }
        return records;
    }
}
