package votes.system.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.events.challenge.ChallengeRequired;
import votes.events.challenge.Hashcash;
import votes.events.codec.EventCodec;
import votes.infra.service.ServiceSpec;
import votes.infra.test.VoteStackExtension;
import votes.infra.test.browser.Chromium;
import votes.infra.test.browser.HeadlessPage;
import votes.perf.load.LoadRunner;
import votes.perf.load.Targets;
import votes.perf.report.PhaseResult;
import votes.system.StackCli;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/**
 * Every client of the vote API answers ingest's proof of work, on the whole stack with ingest asking for a proof on
 * every vote (VOTE_CHALLENGE=always) at a modest difficulty: the vote page in headless Chromium (a Web Worker, with
 * progress), {@code ./vote cast} and {@code ./vote solve} as an operator runs them, the load generator, and the shared
 * Java solver. The stack's usual ingest comes back afterwards (the stack is shared by every IT of the JVM).
 */
class ClientsSolveChallengesIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /** ≈32,768 attempts on average: enough for the page to show progress, well under a second of work. */
    static final int DIFFICULTY = 15;
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    static VotesApi api;
    static String pollId;

    @BeforeAll
    static void ingestChallengesEveryVote() {
        STACK.restartWith(ServiceSpec.INGEST, challengeEveryVote(DIFFICULTY));
        api = new VotesApi(STACK.url());
        pollId = api.createPoll(STACK.token("admin-1", "admin"), "Prove it", "a", "b");
    }

    @AfterAll
    static void usualIngestBack() {
        STACK.stop("ingest");
        STACK.start("ingest");
    }

    @Test
    void aBallotWithoutAProofIsChallengedAndTheSharedSolversProofGetsItIn() {
        String token = STACK.token("java-voter");
        Reply challenged = api.vote(token, pollId, "a", "java-ballot");
        assertThat(challenged.status()).as(challenged.body()).isEqualTo(403);
        ChallengeRequired.Challenge challenge = ChallengeRequired.in(challenged.body()).orElseThrow();
        assertThat(challenge.difficulty()).isEqualTo(DIFFICULTY);

        Reply wrong = voteWithProof(token, "a", "java-ballot", challenge.answer("not-a-proof"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).contains("does not solve a current challenge");

        Reply accepted = voteWithProof(token, "a", "java-ballot", challenge.answer(challenge.solve()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void theVotePageSolvesTheChallengeInAWorkerShowsItsProgressAndTheVoteIsRecorded() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        String token = STACK.token("page-voter");
        try (HeadlessPage page = HeadlessPage.launch(TARGET.resolve("browser"))) {
            castOnThePage(page, token, "b");
            page.waitUntil("document.querySelector('#outcome .notice.ok, #outcome .notice.bad')", Duration.ofSeconds(60));
            assertThat(page.text("#outcome")).contains("Recorded in the ledger");

            // The challenge was shown and run to its end: the bar full, the worker's attempts recorded and printed.
            assertThat(page.evaluate("document.getElementById('challenge').hidden")).isEqualTo(false);
            assertThat(number(page, "document.getElementById('pow-progress').max")).isEqualTo(1 << DIFFICULTY);
            assertThat(number(page, "document.getElementById('pow-progress').value")).isEqualTo(1 << DIFFICULTY);
            long tried = Long.parseLong(String.valueOf(page.evaluate("document.getElementById('pow-progress').dataset.tried")));
            assertThat(tried).isPositive();
            System.out.printf("vote page: %,d attempts at %d bits in %s ms%n", tried, DIFFICULTY,
                    page.evaluate("document.getElementById('challenge').dataset.solvedMs"));
            assertThat(page.text("#pow-stats")).startsWith(String.format("Solved after %,d hashes (about 32,768 expected) in ", tried));
            assertThat(page.evaluate("getComputedStyle(document.getElementById('pow-cancel')).display"))
                    .as("nothing left to cancel").isEqualTo("none");

            String receiptId = page.text("#outcome .receipt").replace("Receipt", "").trim();
            Reply receipt = api.receipt(token, receiptId);
            assertThat(receipt.json().get("status").asText()).isEqualTo("recorded");
            assertThat(receipt.json().get("optionId").asText()).isEqualTo("b");
            page.screenshot(TARGET.resolve("vote-page-challenge.png"));
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror") || line.contains("Content Security Policy"));
        }
    }

    @Test
    void aLongSolveShowsItsProgressAsItGoesAndCancellingSendsNoVote() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        String token = STACK.token("cancelling-voter");
        // 28 bits: minutes of hashing, so the search is surely still running when Cancel is pressed.
        STACK.restartWith(ServiceSpec.INGEST, challengeEveryVote(28));
        try (HeadlessPage page = HeadlessPage.launch(TARGET.resolve("browser"))) {
            castOnThePage(page, token, "a");
            // Progress reports arrive while the worker searches: the bar moves and the attempts grow.
            page.waitUntil("document.getElementById('pow-progress').value > 0", Duration.ofSeconds(30));
            long first = Long.parseLong(String.valueOf(page.evaluate("document.getElementById('pow-progress').dataset.tried")));
            page.waitUntil("+document.getElementById('pow-progress').dataset.tried > " + first, Duration.ofSeconds(30));
            assertThat(page.text("#pow-stats")).contains("of about 268,435,456 hashes tried");
            assertThat(page.text("#outcome")).contains("Solving a small puzzle");

            page.click("#pow-cancel");
            page.waitUntil("document.getElementById('outcome').textContent.includes('Cancelled: your vote was not sent')",
                    Duration.ofSeconds(10));
            assertThat(page.evaluate("document.getElementById('challenge').hidden")).isEqualTo(true);
            assertThat(page.evaluate("document.getElementById('submit').disabled")).isEqualTo(false);
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror"));
        } finally {
            STACK.restartWith(ServiceSpec.INGEST, challengeEveryVote(DIFFICULTY));
        }
        // Nothing went in: the same voter's first vote is accepted now (a recorded one would make it a 409).
        Reply challenged = api.vote(token, pollId, "b", "after-cancel");
        ChallengeRequired.Challenge challenge = ChallengeRequired.in(challenged.body()).orElseThrow();
        Reply accepted = voteWithProof(token, "b", "after-cancel", challenge.answer(challenge.solve()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void thePagesWorkerHashesTheKnownVectorsAndFindsTheJavaSolversProof() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        try (HeadlessPage page = HeadlessPage.launch(TARGET.resolve("browser"))) {
            // Opened on the gateway's origin, so the worker loads under the pages' CSP as the vote page's does.
            page.open(STACK.url() + "/vote.html?poll=" + pollId);
            Map<String, String> vectors = Map.of(
                    "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                    // 448 bits: the padding needs a second block.
                    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                    "é€😀", "df9226927fd572c1ee66eec85de1bb139497614899f36e4e90474cb71f6ef9d0");
            vectors.forEach((text, digest) -> assertThat(worker(page, "{op: 'digest', text: " + jsString(text) + "}", "hex"))
                    .as("SHA-256 of '%s'", text).isEqualTo(digest));
            assertThat(worker(page, "{op: 'digest', text: 'a'.repeat(1000000)}", "hex"))
                    .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
            // Both count up in base 36 from "0": the same challenge gives the same proof.
            for (int bits : new int[] {1, 8, 13}) {
                String nonce = "nonce-" + bits + "_AZ";
                assertThat(worker(page, "{op: 'solve', nonce: '" + nonce + "', difficulty: " + bits + "}", "proof"))
                        .as("%d bits", bits).isEqualTo(Hashcash.solve(nonce, bits));
            }
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror") || line.contains("Content Security Policy"));
        }
    }

    @Test
    void voteCastSolvesTheChallengePrintsTheReceiptAndTheVoteIsRecorded() {
        StackCli cli = new StackCli(STACK.stack().settings());
        StackCli.Run cast = cli.run(120, "cast", "--poll", pollId, "--option", "a", "--sub", "cli-voter", "--device", "cli-1");
        assertThat(cast.exitCode()).as(cast.output()).isZero();
        assertThat(cast.output()).contains("1 challenge(s) solved", "\"receiptId\"");
        String receiptId = cast.output().replaceAll("(?s).*\"receiptId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String token = STACK.token("cli-voter");
        await().atMost(Duration.ofSeconds(30)).until(() -> "recorded".equals(api.receipt(token, receiptId).json().path("status").asText()));

        StackCli.Run again = cli.run(120, "cast", "--poll", pollId, "--option", "b", "--sub", "cli-voter");
        assertThat(again.exitCode()).as("already voted: the vote is in").isZero();
        assertThat(again.output()).contains(receiptId);
        StackCli.Run noSuchPoll = cli.run(120, "cast", "--poll", "no-such-poll", "--option", "a", "--sub", "cli-voter-2");
        assertThat(noSuchPoll.exitCode()).as(noSuchPoll.output()).isEqualTo(1);
    }

    @Test
    void voteSolvePrintsAProofThatIngestAccepts() {
        String token = STACK.token("curl-voter");
        ChallengeRequired.Challenge challenge = ChallengeRequired.in(api.vote(token, pollId, "b", "curl-ballot").body())
                .orElseThrow();
        StackCli.Run solve = new StackCli(STACK.stack().settings()).run(120, "solve", "--nonce", challenge.nonce(),
                "--difficulty", Integer.toString(challenge.difficulty()));
        assertThat(solve.exitCode()).as(solve.output()).isZero();

        Reply accepted = voteWithProof(token, "b", "curl-ballot", challenge.answer(solve.output().strip()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void theLoadGeneratorSolvesEveryChallengeAndCountsItsChallengesAndSolveTime() {
        int voters = 20;
        List<String> tokens = IntStream.range(0, voters).mapToObj(i -> STACK.token("load-voter-" + i)).toList();
        try (LoadRunner runner = new LoadRunner(URI.create(STACK.url()), tokens, new Targets(List.of(pollId), voters), "a",
                1, 4, Duration.ofSeconds(30), voters, 0)) {
            // 10 votes a second for 2 s: every one of the 20 is challenged, solved on a worker thread and sent again.
            PhaseResult result = runner.run("challenged", 10, Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(90));
            assertThat(result.counts().accepted()).as(result.counts().toString()).isEqualTo(voters);
            assertThat(result.challenges().challenges()).as(result.challenges().toString()).isEqualTo(voters);
            assertThat(result.challenges().solved()).isEqualTo(voters);
            assertThat(result.challenges().gaveUp()).isZero();
            assertThat(result.challenges().solveTime().max()).isPositive();
        }
    }

    /** Opens the vote page with the voter's token, picks the option and presses "Cast vote". */
    private static void castOnThePage(HeadlessPage page, String token, String optionId) {
        page.open(STACK.url() + "/vote.html?poll=" + pollId + "#token=" + token);
        String option = "input[name=option][value=\"" + optionId + "\"]";
        page.waitUntil("document.querySelector('" + option + "')", Duration.ofSeconds(15));
        page.click(option);
        page.click("#submit");
    }

    private static Map<String, String> challengeEveryVote(int bits) {
        return Map.of("VOTE_CHALLENGE", "always", "VOTE_CHALLENGE_DIFFICULTY", Integer.toString(bits));
    }

    private static Reply voteWithProof(String token, String optionId, String idempotencyKey, Map<String, String> answer) {
        HttpRequest.Builder request = api.request("/api/v1/polls/" + pollId + "/votes")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey);
        answer.forEach(request::header);
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString("{\"optionId\":\"" + optionId + "\"}")).build());
    }

    /** Sends one message to a fresh pow-worker.js in the page and returns a member of its first non-progress answer. */
    private static String worker(HeadlessPage page, String message, String member) {
        return String.valueOf(page.evaluate("new Promise((resolve, reject) => { const w = new Worker('pow-worker.js');"
                + " w.onerror = (e) => reject(new Error(e.message));"
                + " w.onmessage = (e) => { if (e.data.op !== 'progress') { w.terminate(); resolve(e.data." + member + "); } };"
                + " w.postMessage(" + message + "); })"));
    }

    private static long number(HeadlessPage page, String expression) {
        return ((Number) page.evaluate(expression)).longValue();
    }

    private static String jsString(String text) {
        return EventCodec.toJson(text);
    }
}
