package votes.ingest.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import votes.events.vote.ClientHashes;

/** The configured rate limits and proof-of-work policy, as one bean the vote path asks. */
@ApplicationScoped
public class AbuseDefense {

    private final AbuseConfig config;
    private final RateLimits limits;
    private final ProofOfWork work;
    private final ClientHashes hashes;

    public AbuseDefense(AbuseConfig config) {
        this.config = config;
        this.hashes = new ClientHashes(config.clientFactsKey());
        this.limits = new RateLimits(config.window(), config.voterLimit(), config.deviceLimit(), config.addressLimit(),
                hashes);
        this.work = new ProofOfWork(config.challengeSecret(), config.challengeDifficulty(), config.challengeWindow());
    }

    /** A client fact (address, user agent) as Redis keys and the log hold it: keyed, so not reversible. */
    public String clientHash(String fact) {
        return hashes.of(fact);
    }

    public List<RateLimits.Counter> counters(String voterId, String deviceId, String addressHash, Instant now) {
        return limits.counters(voterId, deviceId, addressHash, now);
    }

    public Optional<RateLimits.Exceeded> judge(List<RateLimits.Counter> counters, List<Long> counts, Instant now) {
        return limits.judge(counters, counts, now);
    }

    /** Seconds a counter lives: one window, plus a second so a late INCR never outlives its key's expiry. */
    public long counterTtlSeconds() {
        return config.window().toSeconds() + 1;
    }

    /** Before any Redis work: in ALWAYS mode every vote needs a valid proof. Empty = may go on. */
    public Optional<Challenge> demandUpFront(String proof, String voterId, String pollId, Instant now) {
        if (config.challenge() != ChallengeMode.ALWAYS || work.verify(proof, voterId, pollId, now)) {
            return Optional.empty();
        }
        return Optional.of(work.challenge(voterId, pollId, now));
    }

    /** After the counters: in THRESHOLD mode a busy address needs a valid proof. Empty = may go on. */
    public Optional<Challenge> demandForAddress(long addressCount, String proof, String voterId, String pollId,
                                                Instant now) {
        if (config.challenge() != ChallengeMode.THRESHOLD || addressCount <= config.challengeAddressThreshold()
                || work.verify(proof, voterId, pollId, now)) {
            return Optional.empty();
        }
        return Optional.of(work.challenge(voterId, pollId, now));
    }
}
