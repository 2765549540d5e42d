package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import votes.ingest.fastpath.RedisKeys;
import votes.ingest.poll.PollCache;
import votes.ingest.warmup.WarmUp;
import votes.ingest.warmup.WarmUpVotes;

/**
 * The warm-up before readiness runs its votes on the real fast path (Redis), scored by the shipped bot defence, and
 * stores nothing: every one ends as "poll not found" (none looks like a bot, so none is challenged; each one's token
 * check on the warm-up's own key passed), none reaches the log, no slot stays reserved, each counts in a token issue
 * second of its own in 1970 (not in a batch a real voter's token can be in). Its requests to its own HTTP port are
 * all refused 401 by the real token check and stay out of the HTTP metrics; none of its work is traced, even with every
 * trace sampled. Readiness names the check; a real vote then goes through as ever.
 */
@QuarkusTest
@TestProfile(WarmUpIT.WarmUpOn.class)
@WithTestResource(IngestStackResource.class)
@WithTestResource(SpanSink.class)
class WarmUpIT {

    private static final int VOTES = 300;
    private static final int REQUESTS = 200;

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The suite turns the warm-up off (the root pom's Failsafe env); this test turns it on, on two loops.
            // The suite's stacks also turn the bot defence off: here it is on, as it ships.
            return Map.of("vote.warm-up.votes", Integer.toString(VOTES),
                    "vote.warm-up.requests", Integer.toString(REQUESTS), "vote.warm-up.in-flight-per-loop", "4",
                    "quarkus.vertx.event-loops-pool-size", "2", "vote.abuse.challenge", "adaptive");
        }
    }

    @Inject
    WarmUp warmUp;

    @Inject
    Redis redis;

    @Inject
    PollCache polls;

    @ConfigProperty(name = "votes.trace.zipkin-endpoint")
    String spans;

    @Test
    void theWarmUpRunsItsVotesThroughTheFastPathAndItsRequestsIntoTheTokenCheckAndStoresNothing() throws Exception {
        await().atMost(IngestFixture.PATIENCE).until(warmUp::finished);
        assertThat(warmUp.votesRun()).isEqualTo(VOTES);
        assertThat(warmUp.outcomes()).as("how the warm-up's votes ended").isEqualTo(Map.of("PollNotFound", (long) VOTES));
        assertThat(warmUp.requestsRun()).isEqualTo(REQUESTS);
        assertThat(warmUp.requestStatuses()).as("the answers to the warm-up's requests")
                .isEqualTo(Map.of("401", (long) REQUESTS));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("the HTTP metrics").doesNotContain("status=\"401\"");

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("vote-path-warm-up"));
        assertThat(IngestFixture.votesOn(WarmUpVotes.POLL_ID)).as("the log").isEmpty();
        for (int i : new int[] {0, VOTES / 2, VOTES - 1}) {
            assertThat(IngestFixture.redisGet(redis, RedisKeys.votedIn(WarmUpVotes.voterId(i), WarmUpVotes.POLL_ID)))
                    .as("vote %d's slot, released", i).isNull();
            assertThat(IngestFixture.redisGet(redis, "bot:mint:" + WarmUpVotes.tokenIssuedAt(i).getEpochSecond()))
                    .as("vote %d's token issue second, counted once", i).isEqualTo("1");
        }

        String pollId = IngestFixture.openPoll(polls);
        BotDefenseIT.browser(IngestFixture.token("after-the-warm-up"), BotDefenseIT.freshAddress())
                .post("/api/v1/polls/{pollId}/votes", pollId).then().statusCode(202);
        assertThat(IngestFixture.votesOn(pollId)).hasSize(1);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("the HTTP metrics keep counting real votes").containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"202\",uri=\"/api/v1/polls/\\{pollId}/votes\"");

        // Every trace is sampled here (SpanSink): the real vote's is exported, and not one span of the warm-up's.
        String votePath = "/api/v1/polls/" + pollId + "/votes";
        await().atMost(IngestFixture.PATIENCE).until(() -> exported().toString().contains(votePath));
        JsonNode spans = exported();
        assertThat(spans.toString()).as("spans of the warm-up's requests").doesNotContain(WarmUpVotes.POLL_ID);
        String voteTrace = null;
        for (JsonNode span : spans) {
            if (votePath.equals(span.path("tags").path("url.path").asText())) {
                voteTrace = span.path("traceId").asText();
            }
        }
        assertThat(voteTrace).as("the real vote's server span, by its url.path").isNotNull();
        for (JsonNode span : spans) {
            if (!span.path("traceId").asText().equals(voteTrace)) {
                assertThat(span.path("name").asText()).as("a span outside the real vote's trace: %s", span)
                        .isNotEqualTo("evalsha");
            }
        }
    }

    private JsonNode exported() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(spans)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }
}
