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
    private final LocalLimiter local;
    private final ProofOfWork work;
    private final ClientHashes hashes;

    public AbuseDefense(AbuseConfig config) {
        this.config = config;
        this.hashes = new ClientHashes(config.clientFactsKey());
        long window = config.window().toMillis();
        this.limits = new RateLimits(
                new Limit(RateLimits.VOTER, Limit.Shape.BUCKET, config.voterLimit(), window, config.voterBurst()),
                new Limit(RateLimits.DEVICE, Limit.Shape.LOG, config.deviceLimit(), window, config.deviceBurst()),
                new Limit(RateLimits.ADDRESS, Limit.Shape.LOG, config.addressLimit(), window, config.addressBurst()),
                new Limit(RateLimits.PREFIX, Limit.Shape.LOG, config.prefixLimit(), window, config.prefixBurst()),
                hashes);
        this.local = new LocalLimiter(config.localMaxKeys());
        this.work = new ProofOfWork(config.challengeSecret(), config.challengeDifficulty(), config.challengeWindow());
    }

    /** A client fact (address, user agent) as Redis keys and the log hold it: keyed, so not reversible. */
    public String clientHash(String fact) {
        return hashes.of(fact);
    }

    /** The limits this vote counts against; {@code address} is the client address the gateway forwarded. */
    public List<RateLimits.Counter> counters(String voterId, String deviceId, String address) {
        return limits.counters(voterId, deviceId, address);
    }

    /** While Redis cannot judge: this instance's own limiter, same arithmetic (see LocalLimiter). */
    public Optional<RateLimits.Exceeded> admitLocally(List<RateLimits.Counter> counters, Instant now) {
        return local.admit(counters, now.toEpochMilli());
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
