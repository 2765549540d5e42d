package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.events.flag.FlagSubject;
import votes.ingest.abuse.AbuseConfig;
import votes.ingest.abuse.AbuseDefense;
import votes.ingest.abuse.Challenge;
import votes.ingest.abuse.ChallengeMode;
import votes.ingest.abuse.ProofOfWork;
import votes.ingest.abuse.RateLimits;
import votes.ingest.bot.AcceptedList;

/** The adaptive defence with the shipped numbers, real proof of work and hashes: what each kind of vote is told. */
class BotDefenseTest {

    private static final Instant NOW = FeatureExtractionTest.NOW;

    private static AbuseConfig limits(ChallengeMode mode) {
        return new AbuseConfig() {
            public Duration window() { return Duration.ofMinutes(1); }
            public long voterLimit() { return (long) Shipped.number("vote.abuse.voter-limit"); }
            public long voterBurst() { return (long) Shipped.number("vote.abuse.voter-burst"); }
            public long deviceLimit() { return (long) Shipped.number("vote.abuse.device-limit"); }
            public long deviceBurst() { return (long) Shipped.number("vote.abuse.device-burst"); }
            public long addressLimit() { return (long) Shipped.number("vote.abuse.address-limit"); }
            public long addressBurst() { return (long) Shipped.number("vote.abuse.address-burst"); }
            public long prefixLimit() { return (long) Shipped.number("vote.abuse.prefix-limit"); }
            public long prefixBurst() { return (long) Shipped.number("vote.abuse.prefix-burst"); }
            public int localMaxKeys() { return 1000; }
            public ChallengeMode challenge() { return mode; }
            public int challengeDifficulty() { return 16; }
            public Duration challengeWindow() { return Duration.ofMinutes(5); }
            public Duration challengeClockSkew() { return Duration.ofSeconds(5); }
            public String challengeSecret() { return "challenge-secret"; }
            public String clientFactsKey() { return "facts-key"; }
        };
    }

    /** vote.bot.* as shipped, except the browser's speed: this test's solver is a JVM (see FeatureExtractionTest). */
    private static BotConfig shipped() {
        Map<String, Double> weights = new HashMap<>();
        for (Feature feature : Feature.values()) {
            weights.put(feature.slug(), Shipped.number("vote.bot.weights." + feature.slug()));
        }
        return new BotConfig() {
            public double bias() { return Shipped.number("vote.bot.bias"); }
            public Map<String, Double> weights() { return weights; }
            public double challengeThreshold() { return Shipped.number("vote.bot.challenge-threshold"); }
            public double flagThreshold() { return Shipped.number("vote.bot.flag-threshold"); }
            public double refuseThreshold() { return Shipped.number("vote.bot.refuse-threshold"); }
            public int difficultyFloor() { return (int) Shipped.number("vote.bot.difficulty-floor"); }
            public int difficultyMax() { return (int) Shipped.number("vote.bot.difficulty-max"); }
            public int proofSlackBits() { return (int) Shipped.number("vote.bot.proof-slack-bits"); }
            public Duration refuseRetryAfter() { return Duration.ofSeconds(60); }
            public boolean flagOverLimit() { return Boolean.parseBoolean(Shipped.value("vote.bot.flag-over-limit")); }
            public int maxReasons() { return (int) Shipped.number("vote.bot.max-reasons"); }
            public int arrivalsKept() { return (int) Shipped.number("vote.bot.arrivals-kept"); }
            public int minArrivals() { return (int) Shipped.number("vote.bot.min-arrivals"); }
            public double humanArrivalCv() { return Shipped.number("vote.bot.human-arrival-cv"); }
            public long userAgentScale() { return (long) Shipped.number("vote.bot.user-agent-scale"); }
            public long bulkMintScale() { return (long) Shipped.number("vote.bot.bulk-mint-scale"); }
            public Duration freshToken() { return Duration.ofSeconds(2); }
            public Duration mintWindow() { return Duration.ofMinutes(15); }
            public double browserHashesPerSecond() { return 1e15; }
            public long skewMinVotes() { return (long) Shipped.number("vote.bot.skew-min-votes"); }
            public Duration skewWindow() { return Duration.ofHours(2); }
            public List<String> automationMarkers() {
                return Arrays.asList(Shipped.value("vote.bot.automation-markers").split(","));
            }
        };
    }

    private final AbuseDefense abuse = new AbuseDefense(limits(ChallengeMode.ADAPTIVE));
    private final BotDefense bots = new BotDefense(abuse, limits(ChallengeMode.ADAPTIVE), shipped(),
            new SimpleMeterRegistry());

    /** @param answered the challenge this vote answers (it arrives 5 s later, as a person's would), or null */
    private static VoteSignals vote(String userAgent, String language, String device, Instant issuedAt, long addressCount,
                                    History history, Challenge answered) {
        return new VoteSignals("voter-1", "poll-1", "198.51.100.7", device, userAgent, language, null, issuedAt,
                answered == null ? null : answered.nonce(), answered == null ? null : ProofOfWork.solve(answered),
                answered == null ? NOW : NOW.plusSeconds(5), addressCount, 1, 1, history);
    }

    @Test
    void aCleanVotePassesUnflagged() {
        assertThat(bots.screen(FeatureExtractionTest.human())).isEqualTo(Screening.CLEAN);
    }

    @Test
    void aSuspectIsChallengedWithAChallengeItCanAnswer() {
        Screening screening = bots.screen(vote("curl/8.5.0", null, "dev-1", NOW.minusSeconds(60), 1, History.NONE, null));
        Challenge challenge = ((Screening.Challenged) screening).challenge();
        assertThat(challenge.difficulty()).isBetween(10, 22);
        assertThat(((Screening.Challenged) screening).proofWasWrong()).isFalse();

        Screening answered = bots.screen(vote("curl/8.5.0", null, "dev-1", NOW.minusSeconds(60), 2, History.NONE,
                challenge));

        // Solved, but a likely bot: accepted and flagged at its device (the strongest reason is a client's).
        Screening.PendingFlag flag = ((Screening.Pass) answered).flag();
        assertThat(flag.subject()).isEqualTo(FlagSubject.DEVICE);
        assertThat(flag.subjectKey()).isEqualTo(abuse.deviceKey("dev-1", "198.51.100.7"));
        assertThat(flag.reasons()).first().isEqualTo("headless-user-agent");
    }

    @Test
    void aVoteOfABatchPastItsScaleIsFlaggedAtTheBatchWhateverItsScore() {
        // The 21st vote carrying a token of its issue second (the first past the scale), from a browser on a quiet address.
        long past = (long) Shipped.number("vote.bot.bulk-mint-scale") + 1;
        Screening screening = bots.screen(vote(FeatureExtractionTest.FIREFOX, "en", "dev-2", NOW.minusSeconds(60), 1,
                new History(1, past, List.of()), null));
        Screening.PendingFlag flag = ((Screening.Pass) screening).flag();
        assertThat(flag.score()).isGreaterThanOrEqualTo(Shipped.number("vote.bot.flag-threshold"));
        // One vote fewer and the batch is not full yet: nothing flagged.
        assertThat(bots.screen(vote(FeatureExtractionTest.FIREFOX, "en", "dev-2", NOW.minusSeconds(60), 1,
                new History(1, past - 1, List.of()), null))).isEqualTo(Screening.CLEAN);
        assertThat(flag.reasons()).first().isEqualTo("bulk-minted-token");
        assertThat(flag.subject()).isEqualTo(FlagSubject.TOKEN_BATCH);
        assertThat(flag.subjectKey()).isEqualTo(Instant.ofEpochSecond(NOW.minusSeconds(60).getEpochSecond()).toString());
    }

    @Test
    void anAckedVoteJoinsItsLimitsAndItsBatchsListsAndABatchFlagHandsTheBatchsListOver() {
        List<RateLimits.Counter> counters = abuse.counters("voter-1", "dev-1", "198.51.100.7",
                abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME));
        HistoryKeys history = bots.historyKeys(abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME), NOW, "poll-1", "a", "198.51.100.7");

        List<AcceptedList> clean = bots.acceptedLists(counters, history, null);
        Screening.PendingFlag batchFlag = new Screening.PendingFlag(FlagSubject.TOKEN_BATCH, "second", 0.9,
                List.of("bulk-minted-token"));
        List<AcceptedList> flagged = bots.acceptedLists(counters, history, batchFlag);

        assertThat(clean).extracting(AcceptedList::key).containsExactly(counters.get(1).acceptedKey(),
                counters.get(2).acceptedKey(), counters.get(3).acceptedKey(), history.mintKey() + ":accepted");
        assertThat(clean).noneMatch(AcceptedList::handOver);
        assertThat(clean.get(0).cap()).isEqualTo((long) Shipped.number("vote.abuse.address-limit"));
        assertThat(flagged).filteredOn(AcceptedList::handOver).extracting(AcceptedList::key)
                .containsExactly(history.mintKey() + ":accepted");
        // Each list flags what it hands over as its group: the limit's subject, the batch by its issue second.
        assertThat(clean.get(0).flag()).isEqualTo(bots.overLimit(counters.get(1)));
        assertThat(clean.get(3).flag().subject()).isEqualTo(FlagSubject.TOKEN_BATCH);
        assertThat(clean.get(3).flag().subjectKey()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        assertThat(flagged.get(3).flag()).isSameAs(batchFlag);
        // A token without an issue time is no batch.
        HistoryKeys undated = bots.historyKeys(abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME), null, "poll-1", "a", "198.51.100.7");
        assertThat(bots.acceptedLists(counters, undated, batchFlag)).noneMatch(AcceptedList::handOver).hasSize(3);
    }

    @Test
    void aNearCertainBotIsRefusedWithItsReasonsWhateverItProves() {
        Screening screening = bots.screen(vote("python-requests/2.32", null, null, NOW, 1,
                new History(1, 41, List.of()), abuse.challenge("voter-1", "poll-1", 10, NOW)));
        Screening.Refused refused = (Screening.Refused) screening;
        assertThat(refused.reasons()).contains("headless-user-agent", "bulk-minted-token");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void outsideTheAdaptiveModeNothingIsKeptForTheScore() {
        BotDefense off = new BotDefense(new AbuseDefense(limits(ChallengeMode.OFF)), limits(ChallengeMode.OFF),
                shipped(), new SimpleMeterRegistry());
        assertThat(off.on()).isFalse();
        assertThat(off.historyKeys(abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME), NOW, "poll-1", "a", "198.51.100.7")).isNull();
        HistoryKeys keys = bots.historyKeys(abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME), NOW, "poll-1", "a", "198.51.100.7");
        // Keyed hashes and an issue second: never the raw address or user agent.
        assertThat(keys.arrivalsKey()).doesNotContain("198.51.100.7").isEqualTo("bot:arrivals:"
                + abuse.clientKeys("198.51.100.7", null).addressHash());
        assertThat(keys.userAgentKey()).doesNotContain("Chrome");
        assertThat(keys.mintKey()).isEqualTo("bot:mint:" + NOW.getEpochSecond());
        // The option tallies: the poll's, and its prefix's as the prefix limit keys it (a keyed hash).
        assertThat(keys.options().pollKey()).isEqualTo("bot:options:poll-1");
        assertThat(keys.options().prefixKey()).isEqualTo("bot:options:poll-1:" + abuse.prefixHash("198.51.100.7"))
                .doesNotContain("198.51.100");
        assertThat(keys.options().optionId()).isEqualTo("a");
    }

    @Test
    void theSlidingLogLimitsAreTrackedForOverLimitFlagsButNotTheVotersBucket() {
        List<RateLimits.Counter> counters = abuse.counters("voter-1", "dev-1", "198.51.100.7",
                abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME));

        assertThat(bots.overLimitTracked(counters)).extracting(RateLimits.Counter::scope)
                .containsExactly(RateLimits.ADDRESS, RateLimits.PREFIX, RateLimits.DEVICE);
        BotDefense off = new BotDefense(new AbuseDefense(limits(ChallengeMode.OFF)), limits(ChallengeMode.OFF),
                shipped(), new SimpleMeterRegistry());
        assertThat(off.overLimitTracked(counters)).isEmpty();
    }

    @Test
    void aSubjectOverItsLimitIsFlaggedAsTheGroupItsOtherFlagsJoinAtTheRefuseThreshold() {
        Map<String, RateLimits.Counter> byScope = new HashMap<>();
        abuse.counters("voter-1", null, "198.51.100.7", abuse.clientKeys("198.51.100.7", FeatureExtractionTest.CHROME))
                .forEach(counter -> byScope.put(counter.scope(), counter));

        Screening.PendingFlag address = bots.overLimit(byScope.get(RateLimits.ADDRESS));
        Screening.PendingFlag prefix = bots.overLimit(byScope.get(RateLimits.PREFIX));

        // A device-less address is its device key: the same group a score's device flag of that address joins.
        assertThat(address.subject()).isEqualTo(FlagSubject.DEVICE);
        assertThat(address.subjectKey()).isEqualTo(abuse.deviceKey(null, "198.51.100.7"));
        assertThat(address.reasons()).containsExactly("address-over-limit");
        assertThat(address.score()).isEqualTo(Shipped.number("vote.bot.refuse-threshold"));
        assertThat(prefix.subject()).isEqualTo(FlagSubject.PREFIX);
        assertThat(prefix.subjectKey()).isEqualTo(abuse.prefixHash("198.51.100.7"));
        assertThat(prefix.reasons()).containsExactly("prefix-over-limit");
    }
}
