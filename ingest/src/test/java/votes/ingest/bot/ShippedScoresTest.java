package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import votes.ingest.abuse.ProofOfWork;

/**
 * The shipped weights and thresholds against the traffic they are meant to tell apart: what a person looks like is
 * allowed without work, single tells are challenged, and stacks of tells flag or refuse. Not a fit: a check that the
 * hand-set numbers do what application.properties says they do.
 */
class ShippedScoresTest {

    private final BotModel model = Shipped.model();
    private final FeatureExtraction extraction = new FeatureExtraction(Shipped.norms());
    private final DecisionPolicy policy = Shipped.policy();

    private Decision decide(VoteSignals vote, ProofOfWork.Solved solved) {
        double score = model.score(extraction.features(vote, solved)).value();
        return policy.decide(score, 0, solved == null ? -1 : solved.difficulty());
    }

    @Test
    void aCleanHumanLookingRequestIsAllowedWithoutWorkWhateverItsBrowserAndTokenAge() {
        Random random = new Random(42);
        for (int run = 0; run < 1_000; run++) {
            VoteSignals human = FeatureExtractionTest.human();
            String agent = random.nextBoolean() ? FeatureExtractionTest.CHROME : FeatureExtractionTest.FIREFOX;
            // A person may vote the instant they log in, from an address a few others in the house use too.
            Instant issuedAt = FeatureExtractionTest.NOW.minusMillis(random.nextInt(120_000));
            VoteSignals vote = FeatureExtractionTest.withCounts(FeatureExtractionTest.with(human, agent, "en",
                    FeatureExtractionTest.HINTS), 1 + random.nextInt(3), new History(1 + random.nextInt(100), 1,
                    List.of()), issuedAt);
            assertThat(decide(vote, null)).as("run %d", run).isEqualTo(new Decision.Allow(false));
        }
    }

    @Test
    void aHeadlessUserAgentAloneIsChallengedNotRefused() {
        VoteSignals vote = FeatureExtractionTest.with(FeatureExtractionTest.human(), "HeadlessChrome/131.0.0.0", "en",
                FeatureExtractionTest.HINTS);
        assertThat(decide(vote, null)).isInstanceOf(Decision.Challenge.class);
    }

    @Test
    void aScriptOnATimerWithFreshBulkMintedTokensIsRefused() {
        List<Long> timer = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            timer.add(FeatureExtractionTest.NOW.toEpochMilli() - i * 500L);
        }
        VoteSignals vote = FeatureExtractionTest.withCounts(FeatureExtractionTest.with(FeatureExtractionTest.human(),
                "python-requests/2.32.3", null, null), 5, new History(50, 40, timer), FeatureExtractionTest.NOW);
        assertThat(decide(vote, null)).isEqualTo(new Decision.Refuse());
    }

    @Test
    void aCurlClientThatSolvesItsChallengeIsAcceptedButFlagged() {
        VoteSignals vote = FeatureExtractionTest.with(FeatureExtractionTest.human(), "curl/8.5.0", null, null);
        assertThat(decide(vote, new ProofOfWork.Solved(22, Duration.ofSeconds(10)))).isEqualTo(new Decision.Allow(true));
    }
}
