package votes.ingest.abuse;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** vote.abuse.* in application.properties; the comments there say what each one trades. */
@ConfigMapping(prefix = "vote.abuse")
public interface AbuseConfig {

    Duration window();

    long voterLimit();

    long deviceLimit();

    long addressLimit();

    ChallengeMode challenge();

    long challengeAddressThreshold();

    int challengeDifficulty();

    Duration challengeWindow();

    String challengeSecret();

    /** The HMAC key of client facts' hashes (CLIENT_FACTS_KEY). */
    String clientFactsKey();
}
