package votes.ingest.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import votes.ingest.vote.VoteCommand;

class WarmUpVotesTest {

    private static final int VOTES = 2000;   // the shipped vote.warm-up.votes
    private static final int PREFIX_LIMIT = 100;  // the shipped vote.abuse.prefix-limit

    @Test
    void eachVoteHasItsOwnVoterDeviceAndAddressAndNoPrefixNearsItsLimit() {
        Set<String> voters = new HashSet<>();
        Set<String> devices = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        Map<String, Integer> perPrefix = new HashMap<>();
        for (int i = 0; i < VOTES; i++) {
            VoteCommand vote = WarmUpVotes.vote(i);
            voters.add(vote.voterId());
            devices.add(vote.deviceId());
            addresses.add(vote.address());
            perPrefix.merge(vote.address().substring(0, vote.address().lastIndexOf('.')), 1, Integer::sum);
        }
        assertThat(voters).hasSize(VOTES);
        assertThat(devices).hasSize(VOTES);
        assertThat(addresses).hasSize(VOTES).allSatisfy(a -> assertThat(a).startsWith("198.18."));
        assertThat(perPrefix.values()).allSatisfy(n -> assertThat(n).isLessThan(PREFIX_LIMIT / 10));
    }

    @Test
    void eachVoteHasATokenIssueSecondOfItsOwnLongBeforeAnyRealTokensSoNoneJoinsAMintedBatch() {
        Set<Instant> seconds = new HashSet<>();
        for (int i = 0; i < VOTES; i++) {
            Instant issued = WarmUpVotes.vote(i).tokenIssuedAt();
            assertThat(issued).isEqualTo(WarmUpVotes.tokenIssuedAt(i)).isBefore(Instant.parse("1970-01-02T00:00:00Z"))
                    .isAfter(Instant.EPOCH);
            assertThat(issued.getNano()).isZero();
            seconds.add(issued);
        }
        assertThat(seconds).hasSize(VOTES);
    }

    @Test
    void theVotesNameAPollNoLedgerPollCanBeAndTheSameIdsEveryStart() {
        VoteCommand first = WarmUpVotes.vote(7);
        assertThat(first.pollId()).isEqualTo(WarmUpVotes.POLL_ID).doesNotMatch("[0-9a-f-]{36}");
        assertThat(WarmUpVotes.vote(7)).usingRecursiveComparison().isEqualTo(first);
        assertThat(first.voterId()).isEqualTo(WarmUpVotes.voterId(7)).doesNotMatch("[0-9a-f]+");
    }
}
