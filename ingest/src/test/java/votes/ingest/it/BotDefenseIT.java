package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import votes.events.flag.FlagSubject;
import votes.events.flag.VoteFlagged;
import votes.infra.test.LocalStackResource;
import votes.infra.test.token.ForgedTokens;
import votes.ingest.abuse.Challenge;
import votes.ingest.abuse.ProofOfWork;
import votes.ingest.poll.PollCache;

/**
 * The adaptive bot defence as shipped (application.properties' vote.abuse.* and vote.bot.*), on the real Redis and
 * Kafka, one test per decision: allow, challenge (harder and harder), solve, refuse, flag. The address is the one the
 * trusted proxy (this test, from 127.0.0.1) writes into X-Forwarded-For; each test draws fresh networks so keys of
 * other runs in the shared Redis never meet it.
 */
@QuarkusTest
@TestProfile(BotDefenseIT.Shipped.class)
@WithTestResource(IngestStackResource.class)
class BotDefenseIT {

    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    static final String HINTS = "\"Chromium\";v=\"131\", \"Google Chrome\";v=\"131\", \"Not_A Brand\";v=\"24\"";
    static final String HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/131.0.0.0 Safari/537.36";

    /**
     * As shipped, but this test's solver is a JVM, which a browser-speed check rightly sees as a machine; that path is
     * covered by FeatureExtractionTest and ShippedScoresTest. Here the proofs are to count as a browser's.
     */
    public static class Shipped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new AbuseProfiles.ShippedDefense().getConfigOverrides();
            config.put("vote.bot.browser-hashes-per-second", "1e15");
            return config;
        }
    }

    @Inject
    PollCache polls;

    @Inject
    Redis redis;

    static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(250));
    }

    private static RequestSpecification client(String token, String address, String userAgent) {
        return given().header("Authorization", "Bearer " + token).header("X-Forwarded-For", address)
                .header("User-Agent", userAgent).contentType("application/json").body(body("a"));
    }

    /** A headless browser that sends what a browser sends: only its user agent tells. */
    private static RequestSpecification headless(String token, String address) {
        return client(token, address, HEADLESS).header("Sec-CH-UA", HINTS).header("Accept-Language", "en");
    }

    static RequestSpecification browser(String token, String address) {
        return client(token, address, CHROME).header("Sec-CH-UA", HINTS).header("Accept-Language", "en-GB,en;q=0.9")
                .header("X-Device-Id", "device-" + UUID.randomUUID());
    }

    /** What a client does with a challenge: the proof in its header, the nonce echoed in the other. */
    static RequestSpecification solving(RequestSpecification request, Challenge challenge) {
        return request.header(challenge.header(), ProofOfWork.solve(challenge))
                .header(challenge.nonceHeader(), challenge.nonce());
    }

    private static Response post(RequestSpecification request, String pollId) {
        return request.post("/api/v1/polls/{pollId}/votes", pollId);
    }

    static Challenge challengeOf(Response response) {
        VoteSubmissionIT.assertProblem(response, 403, "challenge-required");
        Challenge challenge = response.jsonPath().getObject("challenge", Challenge.class);
        assertThat(challenge.algorithm()).isEqualTo("sha256");
        assertThat(challenge.header()).isEqualTo("X-Vote-Proof");
        assertThat(challenge.nonceHeader()).isEqualTo("X-Vote-Nonce");
        assertThat(challenge.format()).isNotBlank();
        assertThat(challenge.nonce()).isNotBlank();
        return challenge;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().extract().asString();
    }

    @Test
    void aCleanFirstVoteFromABrowserIsAcceptedWithoutAChallenge() {
        String pollId = IngestFixture.openPoll(polls);

        Response answer = post(browser(token("alice-" + UUID.randomUUID()), freshAddress()), pollId);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
        assertThat(IngestFixture.votesOn(pollId)).hasSize(1);
        // Its score is below the challenge threshold (30 %), and the histogram says so.
        assertThat(metrics()).containsPattern("votes_bot_score_percent_bucket\\{le=\"30\\.0\"} [1-9]");
    }

    @Test
    void headlessVotesFromOneAddressAreChallengedHarderAndHarderAndNothingIsStored() {
        String pollId = IngestFixture.openPoll(polls);
        String address = freshAddress();
        List<Integer> difficulties = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String sub = "headless-" + i + "-" + UUID.randomUUID();
            Response answer = post(headless(token(sub), address), pollId);
            difficulties.add(challengeOf(answer).difficulty());
            // A challenge releases the slot: the solved retry is not taken for a duplicate.
            assertThat(IngestFixture.redisGet(redis, IngestFixture.slotKey(sub, pollId))).isNull();
        }
        assertThat(difficulties).isSorted().allSatisfy(d -> assertThat(d).isBetween(10, 22));
        assertThat(difficulties.get(2)).isGreaterThan(difficulties.get(0));
        assertThat(IngestFixture.votesOn(pollId)).isEmpty();
        assertThat(metrics()).containsPattern("votes_challenged_total\\{difficulty=\"" + difficulties.get(0) + "\"");
    }

    @Test
    void solvingTheChallengeGetsTheVoteAccepted() {
        String pollId = IngestFixture.openPoll(polls);
        String address = freshAddress();
        String token = token("solver-" + UUID.randomUUID());
        Challenge challenge = challengeOf(post(headless(token, address), pollId));

        Response solved = post(solving(headless(token, address), challenge), pollId);

        assertThat(solved.statusCode()).as(solved.asString()).isEqualTo(202);
        assertThat(IngestFixture.votesOn(pollId)).hasSize(1);
        assertThat(metrics()).contains("votes_challenge_solve_seconds_bucket");
    }

    @Test
    void aWrongProofIsChallengedAgain() {
        String pollId = IngestFixture.openPoll(polls);
        String address = freshAddress();
        String token = token("wrong-" + UUID.randomUUID());
        Challenge challenge = challengeOf(post(headless(token, address), pollId));

        Response wrong = post(headless(token, address).header(challenge.header(), "not-a-proof").header(challenge.nonceHeader(), challenge.nonce()), pollId);

        challengeOf(wrong);
        assertThat(wrong.jsonPath().getString("detail")).contains("does not solve");
        assertThat(IngestFixture.votesOn(pollId)).isEmpty();
    }

    @Test
    void votesWithBulkMintedTokensFromAHeadlessClientAreRefusedWithRetryAfterAndReasons() {
        String pollId = IngestFixture.openPoll(polls);
        // One batch of accounts minted in the same second, minutes ago (a second no other test's tokens share).
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        long batchSecond = System.currentTimeMillis() / 1000 - 120 - ThreadLocalRandom.current().nextInt(100);
        Response refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            String token = forge.signed(forge.voterClaims("batch-" + i + "-" + UUID.randomUUID(),
                    claims -> claims.setIssuedAt(NumericDate.fromSeconds(batchSecond))));
            Response answer = post(client(token, freshAddress(), HEADLESS), pollId);
            assertThat(answer.statusCode()).as(answer.asString()).isIn(403, 429);
            refused = answer.statusCode() == 429 ? answer : null;
        }

        assertThat(refused).as("a 429 within 40 bulk-minted voters").isNotNull();
        VoteSubmissionIT.assertProblem(refused, 429, "rate-limited");
        assertThat(refused.jsonPath().getString("key")).isEqualTo("bot-score");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.jsonPath().getList("reasons", String.class))
                .contains("bulk-minted-token", "headless-user-agent");
        assertThat(IngestFixture.votesOn(pollId)).isEmpty();
        assertThat(metrics()).containsPattern("votes_rate_limited_total\\{key=\"bot-score\"} [1-9]");
    }

    @Test
    void aLikelyBotThatSolvesIsAcceptedAndFlaggedOnVotesFlags() {
        String pollId = IngestFixture.openPoll(polls);
        String address = freshAddress();
        String token = token("curl-" + UUID.randomUUID());
        String device = "device-" + UUID.randomUUID();
        Challenge challenge = challengeOf(post(client(token, address, "curl/8.5.0").header("X-Device-Id", device), pollId));

        Response accepted = post(solving(client(token, address, "curl/8.5.0").header("X-Device-Id", device), challenge),
                pollId);

        // The voter is not told.
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String voteId = accepted.jsonPath().getString("receiptId");
        List<ConsumerRecord<String, VoteFlagged>> flags = new ArrayList<>();
        await("the flag reaches votes.flags").atMost(IngestFixture.PATIENCE).untilAsserted(() -> {
            flags.clear();
            flags.addAll(IngestFixture.flagsOn(pollId));
            assertThat(flags).hasSize(1);
        });
        VoteFlagged flag = flags.get(0).value();
        assertThat(flag.voteId().toString()).isEqualTo(voteId);
        assertThat(flag.reasons().get(0)).isEqualTo("headless-user-agent");
        // A client reason: the flag names the device, as the device limit keys it (the keyed hash of its id).
        assertThat(flag.subject()).isEqualTo(FlagSubject.DEVICE);
        assertThat(flag.subjectKey()).isEqualTo(IngestFixture.CLIENT_HASHES.of(device));
        assertThat(flag.score()).isBetween(0.6, 0.95);
        assertThat(flags.get(0).key()).isEqualTo(flag.key());
        assertThat(IngestFixture.votesOn(pollId)).hasSize(1);
        assertThat(metrics()).containsPattern("bot_detection_flagged_total\\{reason=\"headless-user-agent\"} [1-9]");
    }

    @Test
    void anAddressThatGoesOverItsLimitHasTheVotesItGotInUnderItFlaggedForReview() {
        String pollId = IngestFixture.openPoll(polls);
        String address = freshAddress();
        List<String> accepted = new ArrayList<>();
        Response refused = null;
        // Browsers of different voters and devices behind one address (a farm pacing nothing, or a busy NAT).
        for (int i = 0; i < 20 && refused == null; i++) {
            String token = token("farm-" + i + "-" + UUID.randomUUID());
            Response answer = post(browser(token, address), pollId);
            if (answer.statusCode() == 403) {
                answer = post(solving(browser(token, address), challengeOf(answer)), pollId);
            }
            if (answer.statusCode() == 202) {
                accepted.add(answer.jsonPath().getString("receiptId"));
            } else {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(429);
                refused = answer;
            }
        }

        assertThat(refused).as("the address limit refuses within 20 votes").isNotNull();
        assertThat(refused.jsonPath().getString("key")).isEqualTo("address");
        assertThat(accepted).isNotEmpty();
        await("the votes it got in are flagged on votes.flags").atMost(IngestFixture.PATIENCE).untilAsserted(() ->
                assertThat(IngestFixture.flagsOn(pollId).stream().map(ConsumerRecord::value)
                        .filter(flag -> flag.reasons().contains("address-over-limit")))
                        .allSatisfy(flag -> {
                            assertThat(flag.subject()).isEqualTo(FlagSubject.DEVICE);
                            assertThat(flag.subjectKey()).isEqualTo("address:" + IngestFixture.CLIENT_HASHES.of(address));
                        })
                        .extracting(flag -> flag.voteId().toString())
                        .containsExactlyInAnyOrderElementsOf(accepted));
        assertThat(metrics()).containsPattern("bot_detection_flagged_total\\{reason=\"address-over-limit\"} [1-9]");
    }

    @Test
    void theVotesOfABatchOfBulkMintedTokensAcceptedBeforeItWasFullAreFlaggedWithTheBatch() {
        String pollId = IngestFixture.openPoll(polls);
        // Browsers on scattered addresses whose accounts were all minted in one second (a second no other test uses).
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        long batchSecond = System.currentTimeMillis() / 1000 - 300 - ThreadLocalRandom.current().nextInt(100);
        List<String> accepted = new ArrayList<>();
        // Past bulk-mint-scale (20) votes the batch is seen: the 21st vote is flagged at it and hands over the rest.
        for (int i = 0; i < 24; i++) {
            String token = forge.signed(forge.voterClaims("minted-" + i + "-" + UUID.randomUUID(),
                    claims -> claims.setIssuedAt(NumericDate.fromSeconds(batchSecond))));
            String address = freshAddress();
            Response answer = post(browser(token, address), pollId);
            if (answer.statusCode() == 403) {
                answer = post(solving(browser(token, address), challengeOf(answer)), pollId);
            }
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(202);
            accepted.add(answer.jsonPath().getString("receiptId"));
        }

        String batch = java.time.Instant.ofEpochSecond(batchSecond).toString();
        await("every vote of the batch is flagged at the batch").atMost(IngestFixture.PATIENCE).untilAsserted(() ->
                assertThat(IngestFixture.flagsOn(pollId).stream().map(ConsumerRecord::value)
                        .filter(flag -> flag.subject() == FlagSubject.TOKEN_BATCH))
                        .allSatisfy(flag -> assertThat(flag.subjectKey()).isEqualTo(batch))
                        .extracting(flag -> flag.voteId().toString())
                        .containsAll(accepted));
    }
}
