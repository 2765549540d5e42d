package votes.ingest.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Abuse-defense settings the defaults never use (they must not trouble a load test). */
final class AbuseProfiles {

    private AbuseProfiles() {
    }

    /** Three attempts per voter, five per device, and proof of work once an address passed four, per minute. */
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vote.abuse.window", "60s",
                    "vote.abuse.voter-limit", "3",
                    "vote.abuse.device-limit", "5",
                    "vote.abuse.address-limit", "1000",
                    "vote.abuse.challenge", "threshold",
                    "vote.abuse.challenge-address-threshold", "4",
                    "vote.abuse.challenge-difficulty", "8",
                    // This machine is shared with other builds: the default 50 ms would make counters flaky.
                    "vote.redis.timeout", "2s",
                    "quarkus.log.category.\"votes.ingest\".level", "DEBUG");
        }
    }
}
