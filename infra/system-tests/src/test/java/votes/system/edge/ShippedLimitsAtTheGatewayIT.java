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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.events.challenge.ChallengeRequired;
import votes.infra.service.ServiceProcess;
import votes.infra.service.ServiceSpec;
import votes.infra.test.VoteStackExtension;
import votes.system.RawHttp;
import votes.system.RawHttp.Answer;
import votes.system.VotesApi;

/**
 * The shipped abuse defence through the gateway (issue 11's "done when"), with clients on different loopback source
 * addresses: the gateway writes the connection's address into X-Forwarded-For and ingest limits and scores by it.
 * The build's env turns the per-client limits and the adaptive challenge off for every IT (one client address, a Java
 * user agent: everything would look like one bot); this class runs ingest with the defaults of its
 * application.properties (read from it, so they cannot drift) and gives the stack its usual ingest back afterwards.
 * The voters send what a browser sends (user agent, client hints, language, a device id), and answer any challenge.
 */
class ShippedLimitsAtTheGatewayIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /** What Chromium sends with a fetch from the vote page (over localhost it sends client hints too). */
    private static final Map<String, String> BROWSER = Map.of(
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                    + "Safari/537.36",
            "Sec-CH-UA", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"",
            "Sec-CH-UA-Platform", "\"Linux\"",
            "Accept-Language", "en-GB,en;q=0.9");

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
    void twoHundredVotersFromOneAddressInTenSecondsAreAtLeastNinetyPercentRefusedOrLeftWithAChallenge() throws Exception {
        List<Answer> answers = votes(200, i -> "127.0.91.7", false);

        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        long challenged = answers.stream().filter(a -> ChallengeRequired.in(a.text()).isPresent()).count();
        assertThat(refused.size() + challenged).as(summary(answers)).isGreaterThanOrEqualTo(180);
        assertThat(refused).allSatisfy(a -> {
            assertThat(Integer.parseInt(a.header("Retry-After"))).isBetween(1, 60);
            assertThat(a.text()).containsAnyOf("\"key\":\"address\"", "\"key\":\"bot-score\"");
        });
    }

    @Test
    void fiftyVotersFromFiftyAddressesAreAllAcceptedSolvingAnyChallengeTheyGet() throws Exception {
        // One address per /24 (127.x.y.1): this test is about addresses, the prefix limit has its own.
        List<Answer> answers = votes(50, i -> "127.92." + i + ".1", true);

        assertThat(answers).as(summary(answers)).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
    }

    @Test
    void sixtyAddressesOfOneSlash24MeetThePrefixLimit() throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (int host = 1; host <= 60; host++) {
            answers.add(voteAsABrowser("127.93.0." + host, STACK.token("prefix-" + host), false));
        }

        // The limits judge before the score: the /24's first 50 attempts pass them (accepted, or challenged since
        // 60 tokens minted in one second look bulk-minted), every attempt past its burst is the prefix's 429.
        assertThat(answers.subList(0, 50)).as(summary(answers)).allSatisfy(a -> assertThat(
                a.status() == 202 || ChallengeRequired.in(a.text()).isPresent()).isTrue());
        assertThat(answers.subList(50, 60)).as(summary(answers)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.text()).contains("\"key\":\"prefix\"");
        });
    }

    /** A voter's answer, after solving the challenges it got when {@code solve} (a few at most, as the vote page does). */
    private static Answer voteAsABrowser(String source, String token, boolean solve) throws IOException {
        Map<String, String> headers = new HashMap<>(BROWSER);
        headers.put("X-Device-Id", "device-" + source);
        Answer answer = vote(source, token, pollId, "a", headers);
        for (int tries = 0; solve && tries < 3; tries++) {
            Optional<ChallengeRequired.Challenge> challenge = ChallengeRequired.in(answer.text());
            if (challenge.isEmpty()) {
                break;
            }
            Map<String, String> answered = new HashMap<>(headers);
            answered.putAll(challenge.get().answer(challenge.get().solve()));
            answer = vote(source, token, pollId, "a", answered);
        }
        return answer;
    }

    /** One vote over a connection from {@code source}: the gateway takes the client address from the connection. */
    private static Answer vote(String source, String token, String poll, String option, Map<String, String> headers)
            throws IOException {
        byte[] body = ("{\"optionId\":\"" + option + "\"}").getBytes(StandardCharsets.UTF_8);
        StringBuilder extra = new StringBuilder();
        headers.forEach((name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
        String head = "POST /api/v1/polls/" + poll + "/votes HTTP/1.1\r\nHost: " + http.authority()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n" + extra
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        return http.send(source, request.toByteArray(), false);
    }

    /** {@code n} voters at once (20 threads), each from {@code source.apply(i)}. */
    private static List<Answer> votes(int n, java.util.function.IntFunction<String> source, boolean solve) {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            String run = Long.toString(System.nanoTime());
            List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int voter = i;
                inFlight.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return voteAsABrowser(source.apply(voter), STACK.token("voter-" + run + "-" + voter), solve);
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

    /**
     * VOTE_RATE_* and VOTE_CHALLENGE as application.properties ships them: {@code ${VOTE_RATE_ADDRESS:10}} gives
     * VOTE_RATE_ADDRESS=10 (the build's env sets these; the rest of the defence is at its defaults already).
     */
    private static Map<String, String> shippedRateLimits() {
        Path properties = STACK.stack().settings().repoRoot().resolve("ingest/src/main/resources/application.properties");
        Map<String, String> env = new HashMap<>();
        try {
            Matcher m = Pattern.compile("\\$\\{(VOTE_RATE_[A-Z_]+|VOTE_CHALLENGE):([^}]*)}").matcher(Files.readString(properties));
            while (m.find()) {
                env.put(m.group(1), m.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(env).containsKeys("VOTE_RATE_ADDRESS", "VOTE_RATE_PREFIX", "VOTE_RATE_DEVICE", "VOTE_CHALLENGE");
        assertThat(env.get("VOTE_CHALLENGE")).isEqualTo("adaptive");
        return env;
    }
}
