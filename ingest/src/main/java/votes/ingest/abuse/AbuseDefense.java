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
        this.work = new ProofOfWork(config.challengeSecret(), config.challengeWindow(), config.challengeClockSkew());
    }

    public ChallengeMode mode() {
        return config.challenge();
    }

    /**
     * The vote's address and user agent as Redis keys and the log hold them: keyed hashes, so not reversible; made
     * once for every use the vote has for them.
     */
    public ClientKeys clientKeys(String address, String userAgent) {
        return new ClientKeys(hashes.of(address), hashes.of(userAgent));
    }

    /** The keyed hash of the address's /24 or /56, as the prefix limit keys it. */
    public String prefixHash(String address) {
        return address == null ? null : hashes.of(RateLimits.prefixOf(address));
    }

    /** The keyed device key, as the device limit keys it (no device id: the address's device key). */
    public String deviceKey(String deviceId, String address) {
        return limits.deviceKey(deviceId, address == null ? null : hashes.of(address));
    }

    /** The limits this vote counts against; {@code address} is the client address the gateway forwarded. */
    public List<RateLimits.Counter> counters(String voterId, String deviceId, String address, ClientKeys keys) {
        return limits.counters(voterId, deviceId, address, keys.addressHash());
    }

    /** While Redis cannot judge: this instance's own limiter, same arithmetic (see LocalLimiter). */
    public Optional<RateLimits.Exceeded> admitLocally(List<RateLimits.Counter> counters, Instant now) {
        return local.admit(counters, now.toEpochMilli());
    }

    /** Before any Redis work: in ALWAYS mode every vote needs a valid proof. Empty = may go on. */
    public Optional<Challenge> demandUpFront(String nonce, String proof, String voterId, String pollId, Instant now) {
        if (config.challenge() != ChallengeMode.ALWAYS) {
            return Optional.empty();
        }
        boolean hardEnough = work.verify(nonce, proof, voterId, pollId, now)
                .filter(solved -> solved.difficulty() >= config.challengeDifficulty()).isPresent();
        return hardEnough ? Optional.empty()
                : Optional.of(work.challenge(voterId, pollId, config.challengeDifficulty(), now));
    }

    /** A new challenge of this difficulty for this voter and poll. */
    public Challenge challenge(String voterId, String pollId, int difficulty, Instant now) {
        return work.challenge(voterId, pollId, difficulty, now);
    }

    /** The client's answer, when it solves a challenge we issued to this voter for this poll, still in its window. */
    public Optional<ProofOfWork.Solved> solved(String nonce, String proof, String voterId, String pollId, Instant now) {
        return work.verify(nonce, proof, voterId, pollId, now);
    }
}
