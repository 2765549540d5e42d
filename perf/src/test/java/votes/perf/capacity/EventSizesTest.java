package votes.perf.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventSizesTest {

    @Test
    void sizesAreAPropertyOfTheSchemaNotOfTheSample() {
        EventSizes one = new EventSizes("one");
        EventSizes other = new EventSizes("a-much-longer-seed");
        assertThat(other.voteValue()).isEqualTo(one.voteValue());
        assertThat(other.voteKey()).isEqualTo(one.voteKey());
        assertThat(other.acceptedReceipt()).isEqualTo(one.acceptedReceipt());
        assertThat(other.pendingReceipt()).isEqualTo(one.pendingReceipt());
        assertThat(other.tally(4)).isEqualTo(one.tally(4));
    }

    @Test
    void aVoteKeyIsThePollAndTheVoterId() {
        EventSizes sizes = new EventSizes("key");
        assertThat(sizes.voterId()).isEqualTo(43);
        assertThat(sizes.pollId()).isEqualTo(36);
        assertThat(sizes.voteKey()).isGreaterThan(sizes.voterId() + sizes.pollId());
    }

    @Test
    void theEventCarriesMoreThanTheReceiptItsVoterGets() {
        EventSizes sizes = new EventSizes("event");
        assertThat(sizes.voteValue()).isGreaterThan(sizes.pendingReceipt());
        assertThat(sizes.pendingReceipt()).isGreaterThan(sizes.acceptedReceipt() - "accepted".length());
    }

    @Test
    void aTallyGrowsWithItsOptions() {
        EventSizes sizes = new EventSizes("tally");
        assertThat(sizes.tally(8)).isGreaterThan(sizes.tally(4));
    }
}
