package votes.events.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoterIdsTest {

    @Test
    void sameSubjectUnderSameKeyIsTheSameVoter() {
        assertThat(new VoterIds("k1").of("alice")).isEqualTo(new VoterIds("k1").of("alice"));
    }

    @Test
    void idMatchesRfc4231HmacSha256TestCase2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        // HMAC = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843, base64url below.
        assertThat(new VoterIds("Jefe").of("what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
    }

    @Test
    void idRevealsNeitherTheSubjectNorDependsOnlyOnIt() {
        String id = new VoterIds("k1").of("alice@example.com");
        assertThat(id).hasSize(43).doesNotContain("alice").matches("[A-Za-z0-9_-]+");
        assertThat(new VoterIds("k2").of("alice@example.com")).isNotEqualTo(id);
    }

    @Test
    void emptyKeyOrSubjectIsRefused() {
        assertThatThrownBy(() -> new VoterIds("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoterIds("k").of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyIdIsDerivedFromTheKeyWithoutRevealingIt() {
        // SHA-256("Jefe") = 005725b48609c45e...; the id is its first 8 hex digits.
        assertThat(new VoterIds("Jefe").keyId()).isEqualTo(VoterIds.keyIdOf("Jefe")).isEqualTo("005725b4");
        assertThat(new VoterIds("k1").keyId()).isNotEqualTo(new VoterIds("k2").keyId()).doesNotContain("k1");
    }

    @Test
    void anOperatorNamedKeyIdWinsAndDoesNotChangeTheIds() {
        VoterIds named = new VoterIds("k1", "2026-11");
        assertThat(named.keyId()).isEqualTo("2026-11");
        assertThat(named.of("alice")).isEqualTo(new VoterIds("k1").of("alice"));
        assertThat(new VoterIds("k1", " ").keyId()).isEqualTo(VoterIds.keyIdOf("k1"));
    }

    @Test
    void voteKeyGroupsOneVotersAttemptsInOnePoll() {
        assertThat(PartitionKeys.vote("p1", "v1")).isEqualTo(PartitionKeys.vote("p1", "v1"))
                .isNotEqualTo(PartitionKeys.vote("p1", "v2")).isNotEqualTo(PartitionKeys.vote("p2", "v1"));
    }
}
