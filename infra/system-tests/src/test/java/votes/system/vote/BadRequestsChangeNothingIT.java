package votes.system.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import votes.infra.test.VoteStackExtension;
import votes.system.LedgerDatabase;
import votes.system.VotesApi.Reply;
import votes.system.VotesApi;

/**
 * The HTTP API's error answers, sent through the gateway as a client would: each gets its status and a
 * problem+json body with its type, and none leaves a trace in the ledger. (Rate limits, proof of work and
 * an unavailable log need a tuned or broken stack: ingest's own ITs cover those rows.)
 */
class BadRequestsChangeNothingIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    static VotesApi api;
    static LedgerDatabase ledger;
    static String openPoll;
    static String closedPoll;

    @BeforeAll
    static void polls() {
        api = new VotesApi(STACK.url());
        ledger = new LedgerDatabase(STACK.stack());
        String admin = STACK.token("admin-1", "admin");
        openPoll = api.createPoll(admin, "Errors", "a", "b");
        closedPoll = api.createPoll(admin, "Closed", "a", "b");
        assertThat(api.closePoll(admin, closedPoll).status()).isEqualTo(200);
    }

    static Stream<Arguments> badRequests() {
        String voter = STACK.token("grace");
        String adminOnly = STACK.token("heidi", "admin");
        return Stream.of(
                Arguments.of("not JSON", 400, "malformed-request", votePost(voter, "application/json", "{not json", () -> openPoll)),
                Arguments.of("missing optionId", 400, "malformed-request", votePost(voter, "application/json", "{}", () -> openPoll)),
                Arguments.of("option id too long", 400, "malformed-request",
                        votePost(voter, "application/json", "{\"optionId\":\"" + "a".repeat(41) + "\"}", () -> openPoll)),
                Arguments.of("no token", 401, "unauthenticated", votePost(null, "application/json", "{\"optionId\":\"a\"}", () -> openPoll)),
                Arguments.of("forged token", 401, "unauthenticated",
                        votePost(voter.substring(0, voter.length() - 4) + "AAAA", "application/json", "{\"optionId\":\"a\"}", () -> openPoll)),
                Arguments.of("token without the voter group", 403, "forbidden",
                        votePost(adminOnly, "application/json", "{\"optionId\":\"a\"}", () -> openPoll)),
                Arguments.of("unknown poll", 404, "poll-not-found",
                        votePost(voter, "application/json", "{\"optionId\":\"a\"}", () -> "0190f0f0-0000-7000-8000-000000000000")),
                Arguments.of("body over 4 KiB", 413, "payload-too-large",
                        votePost(voter, "application/json", "{\"optionId\":\"a\",\"pad\":\"" + "x".repeat(5000) + "\"}", () -> openPoll)),
                Arguments.of("not application/json", 415, "unsupported-media-type",
                        votePost(voter, "text/plain", "{\"optionId\":\"a\"}", () -> openPoll)),
                Arguments.of("unknown option", 422, "unknown-option",
                        votePost(voter, "application/json", "{\"optionId\":\"zz\"}", () -> openPoll)),
                Arguments.of("closed poll", 422, "poll-not-open",
                        votePost(voter, "application/json", "{\"optionId\":\"a\"}", () -> closedPoll)));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @MethodSource("badRequests")
    void badRequestGetsItsProblemAndStoresNothing(String why, int status, String slug, RequestFactory request) {
        Reply reply = api.send(request.build());

        assertThat(reply.status()).as(why).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(why).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).as(why).endsWith("/" + slug);
        assertThat(reply.json().get("status").asInt()).as(why).isEqualTo(status);
        assertThat(reply.header("X-Request-Id")).as(why).isNotBlank();
    }

    @AfterAll
    static void nothingReachedTheLedger() throws InterruptedException {
        // Give anything that wrongly slipped into the log the time the ledger needs to record it.
        Thread.sleep(1500);
        assertThat(ledger.recordedVotes(openPoll) + ledger.rejections(openPoll)).isZero();
        assertThat(ledger.recordedVotes(closedPoll) + ledger.rejections(closedPoll)).isZero();
    }

    /** Built lazily: the poll ids exist only once @BeforeAll ran. */
    interface RequestFactory {
        HttpRequest build();
    }

    private static RequestFactory votePost(String token, String contentType, String body, java.util.function.Supplier<String> poll) {
        return () -> {
            HttpRequest.Builder request = api.request("/api/v1/polls/" + poll.get() + "/votes")
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.build();
        };
    }
}
