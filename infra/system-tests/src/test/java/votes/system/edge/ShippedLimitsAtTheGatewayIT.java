package votes.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.service.ServiceProcess;
import votes.infra.service.ServiceSpec;
import votes.infra.test.VoteStackExtension;
import votes.system.RawHttp;
import votes.system.RawHttp.Answer;
import votes.system.VotesApi;

/**
 * The shipped rate limits through the gateway, with clients on different loopback source addresses: the gateway
 * writes the connection's address into X-Forwarded-For and ingest limits by it. The build's env turns the
 * per-client limits off for every IT (one client address for everything); this class runs ingest with the
 * defaults of its application.properties (read from it, so they cannot drift) and gives the stack its usual
 * ingest back afterwards.
 */
class ShippedLimitsAtTheGatewayIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    static VotesApi api;
    static RawHttp http;
    static String pollId;

    @BeforeAll
    static void ingestWithTheShippedLimits() {
        STACK.stop("ingest");
        // Same name and port as the stack's ingest: the stack's stop finds and ends it, its start brings the usual back.
        new ServiceProcess(STACK.stack().settings(), ServiceSpec.INGEST, shippedRateLimits()).start();
        api = new VotesApi(STACK.url());
        http = new RawHttp(STACK.url());
        pollId = api.createPoll(STACK.token("admin-1", "admin"), "Bots out", "a", "b");
    }

    @AfterAll
    static void usualIngestBack() {
        STACK.stop("ingest");
        STACK.start("ingest");
    }

    @Test
    void twoHundredVotersFromOneAddressInTenSecondsAreAtLeastNinetyPercentRefusedWithRetryAfter() throws Exception {
        List<Answer> answers = votes(200, i -> "127.0.91.7");

        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(refused.size()).as(summary(answers)).isGreaterThanOrEqualTo(180);
        assertThat(refused).allSatisfy(a -> {
            assertThat(Integer.parseInt(a.header("Retry-After"))).isBetween(1, 60);
            assertThat(a.text()).contains("\"key\":\"address\"");
        });
    }

    @Test
    void fiftyVotersFromFiftyAddressesAreAllAccepted() throws Exception {
        // One address per /24 (127.x.y.1): this test is about addresses, the prefix limit has its own.
        List<Answer> answers = votes(50, i -> "127.92." + i + ".1");

        assertThat(answers).as(summary(answers)).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
    }

    @Test
    void sixtyAddressesOfOneSlash24MeetThePrefixLimit() throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (int host = 1; host <= 60; host++) {
            answers.add(vote("127.93.0." + host, STACK.token("prefix-" + host), pollId, "a"));
        }

        assertThat(answers.subList(0, 50)).as(summary(answers)).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
        assertThat(answers.subList(50, 60)).as(summary(answers)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.text()).contains("\"key\":\"prefix\"");
        });
    }

    /** One vote over a connection from {@code source}: the gateway takes the client address from the connection. */
    private static Answer vote(String source, String token, String poll, String option) throws IOException {
        byte[] body = ("{\"optionId\":\"" + option + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/polls/" + poll + "/votes HTTP/1.1\r\nHost: " + http.authority()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        return http.send(source, request.toByteArray(), false);
    }

    /** {@code n} voters at once (20 threads), each from {@code source.apply(i)}. */
    private static List<Answer> votes(int n, java.util.function.IntFunction<String> source) {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            String run = Long.toString(System.nanoTime());
            List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int voter = i;
                inFlight.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return vote(source.apply(voter), STACK.token("bot-" + run + "-" + voter), pollId, "a");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, threads));
            }
            return inFlight.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static String summary(List<Answer> answers) {
        Map<Integer, Long> byStatus = new HashMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        return "answers by status " + byStatus + "; first: " + (answers.isEmpty() ? "-" : answers.get(0).text());
    }

    /** VOTE_RATE_* as application.properties ships them: {@code ${VOTE_RATE_ADDRESS:10}} gives VOTE_RATE_ADDRESS=10. */
    private static Map<String, String> shippedRateLimits() {
        Path properties = STACK.stack().settings().repoRoot().resolve("ingest/src/main/resources/application.properties");
        Map<String, String> env = new HashMap<>();
        try {
            Matcher m = Pattern.compile("\\$\\{(VOTE_RATE_[A-Z_]+):([^}]*)}").matcher(Files.readString(properties));
            while (m.find()) {
                env.put(m.group(1), m.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(env).containsKeys("VOTE_RATE_ADDRESS", "VOTE_RATE_PREFIX", "VOTE_RATE_DEVICE");
        return env;
    }
}
