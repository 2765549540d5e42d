package votes.kit.secret;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Set;

/** {@code votes.secrets.*}: which of a service's settings are secrets, and what {@link SecretRule} asks of them. */
@ConfigMapping(prefix = "votes.secrets")
public interface SecretsConfig {

    /**
     * Setting (the env var an operator sets, the name the refusal shows) to the config property that holds its
     * value, e.g. {@code votes.secrets.required.VOTER_ID_KEY=vote.voter-id-key}. None: nothing is checked.
     */
    Map<String, String> required();

    /** Shortest secret accepted, in UTF-8 bytes. */
    @WithDefault("32")
    int minBytes();

    /** The public values this repository ships as defaults (service-kit's microprofile-config.properties). */
    Set<String> devValues();
}
