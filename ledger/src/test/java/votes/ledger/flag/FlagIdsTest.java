package votes.ledger.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.flag.FlagSubject;
import votes.events.flag.VoteFlagged;

class FlagIdsTest {

    @Test
    void everyFlagOfOneSubjectOfOnePollNamesTheSameGroupWhateverItsVoteScoreOrTime() {
        VoteFlagged one = VoteFlagged.of(UUID.randomUUID(), UUID.randomUUID(), "p", FlagSubject.PREFIX, "k", 0.8,
                List.of("a"), Instant.EPOCH);
        VoteFlagged other = VoteFlagged.of(UUID.randomUUID(), UUID.randomUUID(), "p", FlagSubject.PREFIX, "k", 0.9,
                List.of("b"), Instant.now());

        assertThat(FlagIds.of(one)).isEqualTo(FlagIds.of(other));
    }

    @Test
    void anotherSubjectKindKeyOrPollIsAnotherGroup() {
        UUID vote = UUID.randomUUID();
        String base = FlagIds.of(VoteFlagged.of(vote, vote, "p", FlagSubject.PREFIX, "k", 1, List.of(), Instant.EPOCH));

        assertThat(FlagIds.of(VoteFlagged.of(vote, vote, "p", FlagSubject.DEVICE, "k", 1, List.of(), Instant.EPOCH)))
                .isNotEqualTo(base);
        assertThat(FlagIds.of(VoteFlagged.of(vote, vote, "p", FlagSubject.PREFIX, "k2", 1, List.of(), Instant.EPOCH)))
                .isNotEqualTo(base);
        assertThat(FlagIds.of(VoteFlagged.of(vote, vote, "q", FlagSubject.PREFIX, "k", 1, List.of(), Instant.EPOCH)))
                .isNotEqualTo(base);
    }

    @Test
    void onlyACanonicalUuidIsAWellFormedFlagId() {
        VoteFlagged flag = VoteFlagged.of(UUID.randomUUID(), UUID.randomUUID(), "p", FlagSubject.VOTER, "v", 1,
                List.of(), Instant.EPOCH);

        assertThat(FlagIds.wellFormed(FlagIds.of(flag))).isTrue();
        assertThat(FlagIds.wellFormed(FlagIds.of(flag).toUpperCase())).isFalse();
        assertThat(FlagIds.wellFormed("flag\u0000")).isFalse();
        assertThat(FlagIds.wellFormed("1-1-1-1-1")).isFalse();
    }
}
