package votes.ingest.bot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import votes.events.flag.FlagSubject;
import votes.ingest.abuse.AbuseConfig;
import votes.ingest.abuse.AbuseDefense;
import votes.ingest.abuse.ChallengeMode;
import votes.ingest.abuse.ClientKeys;
import votes.ingest.abuse.Limit;
import votes.ingest.abuse.ProofOfWork;
import votes.ingest.abuse.RateLimits;

/**
 * The adaptive defence (vote.abuse.challenge = adaptive): scores a vote that passed the rate limits, and decides
 * allow, challenge or refuse, and whether an accepted vote is flagged. The arithmetic is pure (FeatureExtraction,
 * BotModel, DecisionPolicy); this bean binds it to configuration, the proof of work and the metrics.
 */
// At start, not at the first vote: its meters are on /q/metrics before anything happened.
@Startup
@ApplicationScoped
public class BotDefense {

    // In percent: Micrometer's fixed-boundary histograms count whole units (a 0.02 score landed in the "le=1" bucket).
    private static final double[] SCORE_BUCKETS_PERCENT = {5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100};
    private static final double PERCENT = 100;
    private static final Duration[] SOLVE_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private static final Logger LOG = Logger.getLogger(BotDefense.class);

    private final AbuseDefense abuse;
    private final BotConfig config;
    private final long windowMillis;
    private final long addressLimit;
    private final BotModel model;
    private final FeatureExtraction extraction;
    private final DecisionPolicy policy;
    private final MeterRegistry metrics;
    private final DistributionSummary scores;
    private final Timer solveTimes;

    public BotDefense(AbuseDefense abuse, AbuseConfig limits, BotConfig config, MeterRegistry metrics) {
        this.abuse = abuse;
        this.config = config;
        this.windowMillis = limits.window().toMillis();
        this.addressLimit = limits.addressLimit();
        this.model = new BotModel(config.bias(), weights(config.weights()), config.maxReasons());
        this.extraction = new FeatureExtraction(new Norms(limits.addressLimit(), limits.prefixLimit(),
                limits.deviceLimit(), config.userAgentScale(), config.bulkMintScale(), config.freshToken(),
                config.minArrivals(), config.humanArrivalCv(), config.browserHashesPerSecond(),
                config.automationMarkers(), config.skewMinVotes()));
        this.policy = new DecisionPolicy(config.challengeThreshold(), config.flagThreshold(), config.refuseThreshold(),
                config.difficultyFloor(), config.difficultyMax(), config.proofSlackBits());
        this.metrics = metrics;
        this.scores = DistributionSummary.builder("votes.bot.score").baseUnit("percent").scale(PERCENT)
                .serviceLevelObjectives(SCORE_BUCKETS_PERCENT)
                .description("bot scores (in percent) of votes that passed the rate limits").register(metrics);
        this.solveTimes = Timer.builder("votes.challenge.solve").serviceLevelObjectives(SOLVE_BUCKETS)
                .description("time from a challenge's issue to its valid answer's arrival").register(metrics);
        challenged(config.difficultyFloor());
    }

    private Counter challenged(int difficulty) {
        return Counter.builder("votes.challenged").tag("difficulty", Integer.toString(difficulty))
                .description("votes answered 403 challenge-required, by the difficulty asked").register(metrics);
    }

    /** Only the adaptive mode scores votes (off: nothing; always: every vote pays the fixed difficulty up front). */
    public boolean on() {
        return abuse.mode() == ChallengeMode.ADAPTIVE;
    }

    /**
     * The Redis keys of the vote's history, or null when the defence is off or the vote has no address.
     *
     * @param address the client address the gateway forwarded (its prefix's option tally is kept), or null
     */
    public HistoryKeys historyKeys(ClientKeys client, Instant tokenIssuedAt, String pollId, String optionId,
                                   String address) {
        if (!on() || client.addressHash() == null) {
            return null;
        }
        String poll = "bot:options:" + pollId;
        HistoryKeys.OptionKeys options = new HistoryKeys.OptionKeys(poll, poll + ":" + abuse.prefixHash(address),
                optionId, config.skewWindow().toMillis());
        String agent = client.userAgentHash();
        Instant batch = tokenIssuedAt == null ? null : HistoryKeys.batchOf(tokenIssuedAt);
        return new HistoryKeys("bot:ua:" + (agent == null ? "none" : agent), "bot:arrivals:" + client.addressHash(),
                "bot:mint:" + (batch == null ? 0 : batch.getEpochSecond()), config.arrivalsKept(), windowMillis,
                config.mintWindow().toMillis(), batch, options);
    }

    public Screening screen(VoteSignals vote) {
        ProofOfWork.Solved solved = abuse.solved(vote.nonce(), vote.proof(), vote.voterId(), vote.pollId(), vote.now())
                .orElse(null);
        Map<Feature, Double> features = extraction.features(vote, solved);
        Score score = model.score(features);
        scores.record(score.value());
        if (LOG.isDebugEnabled()) { // what perf's weight fit learns from (votes.perf.fit), off unless asked for
            LOG.debugf("bot features poll=%s voter=%s score=%.4f %s", vote.pollId(), vote.voterId(), score.value(),
                    Feature.line(features));
        }
        double pressure = addressLimit <= 0 ? 0 : Math.min(1, (double) vote.addressCount() / addressLimit);
        Decision decision = policy.decide(score.value(), pressure, solved == null ? -1 : solved.difficulty());
        if (decision instanceof Decision.Refuse) {
            return new Screening.Refused(score.reasons(), config.refuseRetryAfter());
        }
        if (decision instanceof Decision.Challenge challenge) {
            challenged(challenge.difficulty()).increment();
            return new Screening.Challenged(abuse.challenge(vote.voterId(), vote.pollId(), challenge.difficulty(),
                    vote.now()), vote.proof() != null);
        }
        if (solved != null) {
            solveTimes.record(solved.solveTime());
        }
        if (features.get(Feature.BULK_MINTED_TOKEN) >= 1 && vote.tokenIssuedAt() != null) {
            return new Screening.Pass(fullBatch(vote, score));
        }
        return ((Decision.Allow) decision).flagged() ? new Screening.Pass(flag(vote, score)) : Screening.CLEAN;
    }

    /**
     * The accepted-vote lists an acked vote joins: each sliding-log limit's (over-limit flags: handed over when the
     * limit refuses a vote) and its token batch's (handed over when this vote's own flag names the batch: the batch's
     * earlier votes, accepted before it had grown suspect, are flagged with it).
     *
     * @param history the vote's bot-history keys (null: none kept)
     * @param flag    the vote's own flag, or null
     */
    public List<AcceptedList> acceptedLists(List<RateLimits.Counter> counters, HistoryKeys history,
                                            Screening.PendingFlag flag) {
        List<AcceptedList> lists = new ArrayList<>(4);
        overLimitTracked(counters).forEach(counter -> lists.add(new AcceptedList(counter.acceptedKey(),
                counter.limit().limit(), counter.limit().windowMillis(), false, overLimit(counter))));
        if (on() && history != null && history.tokenBatch() != null) {
            boolean batchFlagged = flag != null && flag.subject() == FlagSubject.TOKEN_BATCH;
            // Capped where the batch's feature is full: a batch is suspect by then, so later votes are flagged anyway.
            lists.add(new AcceptedList(history.mintKey() + ":accepted", config.bulkMintScale(),
                    history.mintTtlMillis(), batchFlagged, batchFlagged ? flag : batch(history.tokenBatch())));
        }
        return lists;
    }

    /**
     * The flag of a vote whose token batch was seen by an earlier vote's flag: at the flag threshold's score (the
     * batch is, the vote itself may not have looked it).
     */
    private Screening.PendingFlag batch(Instant issuedSecond) {
        return new Screening.PendingFlag(FlagSubject.TOKEN_BATCH, issuedSecond.toString(), config.flagThreshold(),
                List.of(Feature.BULK_MINTED_TOKEN.slug()));
    }

    /** The sliding-log limits whose admitted votes are flagged once they refuse one (none: over-limit flags off). */
    public List<RateLimits.Counter> overLimitTracked(List<RateLimits.Counter> counters) {
        if (!on() || !config.flagOverLimit()) {
            return List.of();
        }
        return counters.stream().filter(counter -> counter.limit().shape() == Limit.Shape.LOG
                && counter.subjectKey() != null).toList();
    }

    /**
     * The flag of a vote that {@code counter}'s subject got in under its limit, now that the subject went over it.
     * Its score is the refuse threshold's: the subject is as suspect as a vote the score refuses, yet a crowd behind
     * one address could look the same, so an admin decides. An address is flagged as its device key, the group its
     * device-less votes are flagged in anyway.
     */
    public Screening.PendingFlag overLimit(RateLimits.Counter counter) {
        FlagSubject subject = RateLimits.PREFIX.equals(counter.scope()) ? FlagSubject.PREFIX : FlagSubject.DEVICE;
        return new Screening.PendingFlag(subject, counter.subjectKey(), config.refuseThreshold(),
                List.of(counter.scope() + "-over-limit"));
    }

    /**
     * A token batch past bulk-mint-scale votes is seen for what it is, whatever this vote's own score: its votes are
     * flagged at the batch (this one names it, so its earlier ones are handed over; see acceptedLists). The rule, not
     * the weight, catches batches: a weight high enough to flag them on the score alone also refuses a batch that
     * solves its challenges fast (a loop that minted 50 tokens and votes with ./vote cast).
     */
    private Screening.PendingFlag fullBatch(VoteSignals vote, Score score) {
        List<String> reasons = new ArrayList<>(List.of(Feature.BULK_MINTED_TOKEN.slug()));
        score.reasons().stream().filter(reason -> !reasons.contains(reason)).limit(config.maxReasons() - 1L)
                .forEach(reasons::add);
        return new Screening.PendingFlag(FlagSubject.TOKEN_BATCH, HistoryKeys.batchOf(vote.tokenIssuedAt()).toString(),
                Math.max(score.value(), config.flagThreshold()), reasons);
    }

    /** The flag points at the subject of the strongest reason; without the key it needs, at the voter. */
    private Screening.PendingFlag flag(VoteSignals vote, Score score) {
        FlagSubject subject = score.strongest() == null ? FlagSubject.VOTER : score.strongest().subject();
        String key = switch (subject) {
            case PREFIX -> abuse.prefixHash(vote.address());
            case DEVICE -> abuse.deviceKey(vote.deviceId(), vote.address());
            case VOTER -> vote.voterId();
            case TOKEN_BATCH -> vote.tokenIssuedAt() == null ? null : HistoryKeys.batchOf(vote.tokenIssuedAt()).toString();
        };
        if (key == null) {
            subject = FlagSubject.VOTER;
            key = vote.voterId();
        }
        return new Screening.PendingFlag(subject, key, score.value(), score.reasons());
    }

    static Map<Feature, Double> weights(Map<String, Double> bySlug) {
        Map<Feature, Double> weights = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            Double weight = bySlug.get(feature.slug());
            if (weight == null) {
                throw new IllegalArgumentException("vote.bot.weights." + feature.slug() + " is not set");
            }
            weights.put(feature, weight);
        }
        return weights;
    }
}
