package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static votes.ingest.it.IngestFixture.body;
import static votes.ingest.it.IngestFixture.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import votes.ingest.poll.PollCache;

/**
 * The limits as shipped (application.properties' defaults), judged by the real Redis: the address is the one the
 * trusted proxy (this test, from 127.0.0.1) writes into X-Forwarded-For. Each test draws fresh networks, so the
 * shared Redis's keys from other runs never meet it.
 */
@QuarkusTest
@TestProfile(AbuseProfiles.ShippedLimits.class)
@WithTestResource(IngestStackResource.class)
class ShippedLimitsIT {

    @Inject
    PollCache polls;

    static Response vote(String pollId, String address) {
        return given().header("Authorization", "Bearer " + token("bot-" + UUID.randomUUID()))
                .header("X-Forwarded-For", address).contentType("application/json").body(body("a"))
                .post("/api/v1/polls/{pollId}/votes", pollId);
    }

    private static String freshNetwork() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return (11 + random.nextInt(200)) + "." + random.nextInt(256) + ".";
    }

    static void assertRefusedBy(Response response, String key) {
        VoteSubmissionIT.assertProblem(response, 429, "rate-limited");
        assertThat(response.jsonPath().getString("key")).isEqualTo(key);
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void twoHundredVotersFromOneAddressInTenSecondsAreAtLeastNinetyPercentRefused() {
        String pollId = IngestFixture.openPoll(polls);
        String address = freshNetwork() + "0.9";
        List<Response> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int batch = 0; batch < 10; batch++) {
            answers.addAll(IngestFixture.concurrently(20, i -> vote(pollId, address)));
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused.size()).as("refused of 200 in %d s", seconds).isGreaterThanOrEqualTo(180);
        refused.forEach(r -> assertRefusedBy(r, "address"));
        // The burst is 5 in any 30 s; the bound is looser only for a vote whose Redis answer ran late (the instance's
        // own limiter then judged it).
        assertThat(answers.stream().filter(r -> r.statusCode() == 202).count()).isBetween(5L, 10L);
    }

    @Test
    void fiftyVotersFromFiftyAddressesAreAllAccepted() {
        String pollId = IngestFixture.openPoll(polls);
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(vote(pollId, freshNetwork() + (i % 250) + "." + (1 + i)));
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(202));
    }

    @Test
    void manyAddressesOfOneSlash24MeetThePrefixLimit() {
        String pollId = IngestFixture.openPoll(polls);
        String slash24 = freshNetwork() + "7.";
        List<Response> answers = new ArrayList<>();
        for (int host = 1; host <= 60; host++) {
            answers.add(vote(pollId, slash24 + host));
        }
        // The prefix's burst is 50: the first 50 addresses (one vote each) pass, the next 10 do not.
        assertThat(answers.subList(0, 50)).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(202));
        answers.subList(50, 60).forEach(r -> assertRefusedBy(r, "prefix"));
    }
}
