package votes.kit.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRuleTest {

    static final Set<String> DEV_VALUES = Set.of("votes", "dev-voter-id-key-change-me");
    static final String GENERATED = "q3Jx0bq6m8XnM2k7vYQ1c9tLw4Zp5Hs8Re2Uf6Kd0Ao"; // what StackSecrets makes: 43 chars
    private final SecretRule rule = new SecretRule(32, DEV_VALUES);

    @Test
    void aRandomValueOfAtLeastTheMinimumPasses() {
        assertThat(rule.problem("VOTER_ID_KEY", GENERATED)).isEmpty();
        assertThat(rule.problem("VOTER_ID_KEY", "x".repeat(32))).isEmpty();
    }

    @Test
    void aMissingOrBlankValueIsRefusedNamingTheSetting() {
        assertThat(rule.problem("VOTER_ID_KEY", null)).contains(
                "VOTER_ID_KEY is not set; set a random secret of ≥ 32 bytes (./vote up generates one)");
        assertThat(rule.problem("PG_PASSWORD", "  ")).hasValueSatisfying(p -> assertThat(p).startsWith("PG_PASSWORD is not set"));
    }

    @Test
    void aPublicDevValueIsRefusedEvenWhenLongEnough() {
        assertThat(rule.problem("VOTER_ID_KEY", "dev-voter-id-key-change-me")).contains(
                "VOTER_ID_KEY is the public dev value; set a random secret of ≥ 32 bytes (./vote up generates one)");
        assertThat(rule.problem("PG_PASSWORD", "votes")).hasValueSatisfying(
                p -> assertThat(p).startsWith("PG_PASSWORD is the public dev value"));
    }

    @Test
    void anyValueCarryingThePlaceholderMarkIsADevValue() {
        assertThat(rule.problem("VOTE_CHALLENGE_SECRET", "prod-challenge-secret-change-me-please-0123456789"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("VOTE_CHALLENGE_SECRET is the public dev value"));
    }

    @Test
    void aShortValueIsRefusedInBytesNotCharacters() {
        assertThat(rule.problem("CLIENT_FACTS_KEY", "short")).hasValueSatisfying(
                p -> assertThat(p).startsWith("CLIENT_FACTS_KEY is 5 bytes, too short"));
        // 16 two-byte characters are 32 bytes: the key's strength is in its bytes.
        assertThat(rule.problem("CLIENT_FACTS_KEY", "é".repeat(16))).isEmpty();
    }

    @Test
    void theStartupCheckNamesEverySettingThatFailsAndReadsEachFromItsProperty() {
        SmallRyeConfig values = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "vote.voter-id-key", "dev-voter-id-key-change-me",
                "vote.client-facts-key", GENERATED,
                "quarkus.datasource.password", "short"), "test", 100)).build();
        SecretsConfig config = new SecretsConfig() {
            @Override
            public Map<String, String> required() {
                return Map.of("VOTER_ID_KEY", "vote.voter-id-key", "CLIENT_FACTS_KEY", "vote.client-facts-key",
                        "PG_PASSWORD", "quarkus.datasource.password", "VOTE_CHALLENGE_SECRET", "vote.abuse.challenge-secret");
            }

            @Override
            public int minBytes() {
                return 32;
            }

            @Override
            public Set<String> devValues() {
                return DEV_VALUES;
            }
        };
        assertThat(SecretCheck.problems(config, values)).satisfiesExactly(
                p -> assertThat(p).startsWith("PG_PASSWORD is 5 bytes"),
                p -> assertThat(p).startsWith("VOTER_ID_KEY is the public dev value"),
                p -> assertThat(p).startsWith("VOTE_CHALLENGE_SECRET is not set"));
    }
}
