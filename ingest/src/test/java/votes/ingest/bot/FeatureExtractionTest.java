package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import votes.ingest.abuse.ProofOfWork;

class FeatureExtractionTest {

    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String HINTS = "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final FeatureExtraction extraction = new FeatureExtraction(Shipped.norms());

    /** A person on a browser: first vote of the address, a token minted a minute ago, every header a browser sends. */
    static VoteSignals human() {
        return new VoteSignals("voter", "poll", "203.0.113.7", "device-1", CHROME, "en-GB,en;q=0.9", HINTS,
                NOW.minusSeconds(60), null, null, NOW, 1, 1, 1, new History(1, 1, List.of(NOW.toEpochMilli())));
    }

    static VoteSignals with(VoteSignals v, String userAgent, String acceptLanguage, String hints) {
        return new VoteSignals(v.voterId(), v.pollId(), v.address(), v.deviceId(), userAgent, acceptLanguage, hints,
                v.tokenIssuedAt(), v.nonce(), v.proof(), v.now(), v.addressCount(), v.prefixCount(), v.deviceCount(),
                v.history());
    }

    static VoteSignals withCounts(VoteSignals v, long address, History history, Instant issuedAt) {
        return new VoteSignals(v.voterId(), v.pollId(), v.address(), v.deviceId(), v.userAgent(), v.acceptLanguage(),
                v.clientHints(), issuedAt, v.nonce(), v.proof(), v.now(), address, v.prefixCount(), v.deviceCount(),
                history);
    }

    @Test
    void aPersonOnABrowserShowsNoFeatureAtAll() {
        assertThat(extraction.features(human(), null).values()).allSatisfy(x -> assertThat(x).isZero());
        assertThat(extraction.features(with(human(), FIREFOX, "de", null), null).values())
                .allSatisfy(x -> assertThat(x).isZero());
    }

    @Test
    void automationUserAgentsAndAnEmptyOneAreHeadless() {
        for (String agent : List.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0",
                "python-requests/2.32.3", "curl/8.5.0", "Go-http-client/1.1", "Java-http-client/17.0.2",
                "okhttp/4.12.0", "Googlebot/2.1 (+http://www.google.com/bot.html)", "Mozilla/5.0 PhantomJS/2.1.1",
                "Apache-HttpClient/4.5.14 (Java/17.0.2)", "", "  ")) {
            assertThat(extraction.features(with(human(), agent, "en", HINTS), null).get(Feature.HEADLESS_USER_AGENT))
                    .as(agent).isEqualTo(1.0);
        }
        assertThat(extraction.features(with(human(), null, "en", HINTS), null).get(Feature.HEADLESS_USER_AGENT))
                .isEqualTo(1.0);
        assertThat(extraction.features(with(human(), FIREFOX, "en", null), null).get(Feature.HEADLESS_USER_AGENT))
                .isZero();
    }

    @Test
    void aChromiumWithoutClientHintsOrAnyClientWithoutALanguageMissesHints() {
        assertThat(extraction.features(with(human(), CHROME, "en", null), null).get(Feature.MISSING_CLIENT_HINTS))
                .isEqualTo(0.5);
        assertThat(extraction.features(with(human(), CHROME, null, null), null).get(Feature.MISSING_CLIENT_HINTS))
                .isEqualTo(1.0);
        // Firefox and Safari never send Sec-CH-UA: only the missing language counts for them.
        assertThat(extraction.features(with(human(), FIREFOX, null, null), null).get(Feature.MISSING_CLIENT_HINTS))
                .isEqualTo(0.5);
    }

    @Test
    void velocitiesStartAtZeroForAFirstVoteAndSaturateAtTheirScale() {
        Norms norms = Shipped.norms();
        Map<Feature, Double> first = extraction.features(withCounts(human(), 1, History.NONE, NOW.minusSeconds(60)), null);
        assertThat(first.get(Feature.ADDRESS_VELOCITY)).isZero();
        Map<Feature, Double> busy = extraction.features(withCounts(human(), norms.addressLimit() + 1,
                new History(norms.userAgentScale() * 2, norms.bulkMintScale() + 1, List.of()), NOW.minusSeconds(60)), null);
        assertThat(busy.get(Feature.ADDRESS_VELOCITY)).isEqualTo(1.0);
        assertThat(busy.get(Feature.USER_AGENT_VELOCITY)).isEqualTo(1.0);
        assertThat(busy.get(Feature.BULK_MINTED_TOKEN)).isEqualTo(1.0);
    }

    @Test
    void aSolvedRetryIsCountedOnceWithTheAttemptThatWasChallenged() {
        VoteSignals attempt = withCounts(human(), 4, new History(1, 3, List.of()), NOW.minusSeconds(60));
        VoteSignals retry = withCounts(human(), 5, new History(2, 4, List.of()), NOW.minusSeconds(60));
        ProofOfWork.Solved slowly = new ProofOfWork.Solved(10, Duration.ofSeconds(30));
        Map<Feature, Double> before = extraction.features(attempt, null);
        Map<Feature, Double> after = extraction.features(retry, slowly);
        for (Feature f : List.of(Feature.ADDRESS_VELOCITY, Feature.BULK_MINTED_TOKEN, Feature.USER_AGENT_VELOCITY)) {
            assertThat(after.get(f)).as(f.slug()).isEqualTo(before.get(f));
        }
    }

    @Test
    void metronomeArrivalsAreRegularAndRandomOnesAreNot() {
        List<Long> timer = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            timer.add(NOW.toEpochMilli() - i * 2_000L);
        }
        assertThat(extraction.features(withCounts(human(), 8, new History(1, 1, timer), NOW.minusSeconds(60)), null)
                .get(Feature.REGULAR_ARRIVALS)).isEqualTo(1.0);
        // Exponential gaps (a Poisson process, what independent people produce): the mean over seeds stays low.
        double sum = 0;
        int runs = 500;
        for (long seed = 0; seed < runs; seed++) {
            Random random = new Random(seed);
            List<Long> people = new ArrayList<>();
            long t = NOW.toEpochMilli();
            for (int i = 0; i < 8; i++) {
                people.add(t);
                t -= (long) (-Math.log(1 - random.nextDouble()) * 5_000);
            }
            sum += extraction.features(withCounts(human(), 8, new History(1, 1, people), NOW.minusSeconds(60)), null)
                    .get(Feature.REGULAR_ARRIVALS);
        }
        assertThat(sum / runs).isLessThan(0.35);
        // Too few arrivals: nothing to judge.
        assertThat(extraction.features(withCounts(human(), 2, new History(1, 1, timer.subList(0, 3)),
                NOW.minusSeconds(60)), null).get(Feature.REGULAR_ARRIVALS)).isZero();
    }

    @Test
    void aPrefixThatVotesOneWayWhileThePollIsSplitIsSkewedOnceItHasEnoughVotes() {
        long enough = Shipped.norms().skewMinVotes();
        // The poll splits 55 / 45; the prefix gave all its votes to the 45 % option.
        assertThat(skew(new History.OptionCounts(enough, enough, 450, 1000))).isEqualTo(1.0);
        // The same prefix with one vote fewer than needed: three neighbours agreeing are no farm.
        assertThat(skew(new History.OptionCounts(enough - 1, enough - 1, 450, 1000))).isZero();
        // A prefix that votes like the poll, or against this option, is not skewed towards it.
        assertThat(skew(new History.OptionCounts(enough * 45 / 100, enough, 450, 1000))).isZero();
        assertThat(skew(new History.OptionCounts(enough / 2, enough, 450, 1000))).isBetween(0.05, 0.15);
        // An option the whole poll backs cannot be skewed towards.
        assertThat(skew(new History.OptionCounts(enough, enough, 1000, 1000))).isZero();
    }

    private double skew(History.OptionCounts counts) {
        return extraction.features(withCounts(human(), 1, new History(1, 1, List.of(), counts), NOW.minusSeconds(60)),
                null).get(Feature.PREFIX_OPTION_SKEW);
    }

    @Test
    void aTokenUsedTheMomentItWasMintedIsFresh() {
        assertThat(extraction.features(withCounts(human(), 1, History.NONE, NOW), null).get(Feature.FRESH_TOKEN))
                .isEqualTo(1.0);
        assertThat(extraction.features(withCounts(human(), 1, History.NONE, NOW.minusSeconds(60)), null)
                .get(Feature.FRESH_TOKEN)).isZero();
        assertThat(extraction.features(withCounts(human(), 1, History.NONE, null), null).get(Feature.FRESH_TOKEN)).isZero();
    }

    @Test
    void aProofFasterThanABrowserIsMachineSpeed() {
        double browserMillis = Math.pow(2, 20) / Shipped.norms().browserHashesPerSecond() * 1000;
        assertThat(extraction.features(human(), new ProofOfWork.Solved(20, Duration.ofMillis(5)))
                .get(Feature.MACHINE_SPEED_PROOF)).isGreaterThan(0.99);
        assertThat(extraction.features(human(), new ProofOfWork.Solved(20, Duration.ofMillis((long) browserMillis * 2)))
                .get(Feature.MACHINE_SPEED_PROOF)).isZero();
        assertThat(extraction.features(human(), null).get(Feature.MACHINE_SPEED_PROOF)).isZero();
    }
}
