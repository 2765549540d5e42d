package votes.ingest.abuse;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** vote.abuse.* in application.properties; the comments there say what each one trades. */
@ConfigMapping(prefix = "vote.abuse")
public interface AbuseConfig {

    Duration window();

    long voterLimit();

    long voterBurst();

    long deviceLimit();

    long deviceBurst();

    long addressLimit();

    long addressBurst();

    long prefixLimit();

    long prefixBurst();

    /** Keys the in-process limiter (Redis down) remembers at most. */
    int localMaxKeys();

    ChallengeMode challenge();

    /** The fixed difficulty of ALWAYS mode (ADAPTIVE takes its own from vote.bot.*). */
    int challengeDifficulty();

    /** How long a challenge may be answered after issue. */
    Duration challengeWindow();

    /** How far in the future an issue time may lie (ingest instances' clocks differ). */
    Duration challengeClockSkew();

    String challengeSecret();

    /** The HMAC key of client facts' hashes (CLIENT_FACTS_KEY). */
    String clientFactsKey();
}
