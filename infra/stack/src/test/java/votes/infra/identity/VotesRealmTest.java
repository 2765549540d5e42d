package votes.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The eligibility switch on the versioned realm file (issue 13 item 5). */
class VotesRealmTest {

    @Test
    void theRealmFileLeavesEmailVerificationOffLocallyAndTheSwitchTurnsItOn() throws Exception {
        String realmFile;
        try (InputStream in = VotesRealm.class.getClassLoader().getResourceAsStream(VotesRealm.RESOURCE)) {
            realmFile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(VotesRealm.eligibility(realmFile, Map.of())).isEqualTo(realmFile).contains("\"verifyEmail\": false");
        assertThat(VotesRealm.eligibility(realmFile, Map.of(VotesRealm.VERIFY_EMAIL, "false"))).isEqualTo(realmFile);
        assertThat(VotesRealm.eligibility(realmFile, Map.of(VotesRealm.VERIFY_EMAIL, "true")))
                .contains("\"verifyEmail\": true").doesNotContain("\"verifyEmail\": false");
    }
}
