package votes.system.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.events.codec.EventCodec;
import votes.events.flag.FlagSubject;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;
import votes.events.topic.Topics;
import votes.infra.test.VoteStackExtension;
import votes.infra.test.browser.Chromium;
import votes.infra.test.browser.HeadlessPage;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/**
 * The web pages in real headless Chromium, through the gateway of the whole stack: the dashboard's bars
 * follow votes cast through the API (ingest, Kafka, ledger, CDC, projections, realtime, SSE) and turn final
 * when the poll is closed; the vote page casts a ballot and follows its receipt until the ledger records it; the fraud
 * review page lists flags the ledger folded from votes.flags and dismisses and confirms groups. Screenshots land in
 * target/ (dashboard.png, vote-page.png, admin-page.png) for a person to look at.
 */
class DashboardIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Duration REVIEW_PATIENCE = Duration.ofSeconds(30);

    static VotesApi api;
    static String admin;

    @BeforeAll
    static void browserAndApi() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        api = new VotesApi(STACK.url());
        admin = STACK.token("admin-1", "admin");
    }

    @Test
    void dashboardBarsFollowVotesCastThroughTheApiAndTurnFinalWhenThePollCloses() throws Exception {
        String pollId = api.createPoll(admin, "Dashboard", "a", "b");
        // The poll's first tally (all zeros) comes through CDC and projections; before it the page would
        // wait 5 s to retry its stream, which only slows the test down.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.results(pollId).status() == 200);
        Path screenshot = TARGET.resolve("dashboard.png");
        Files.deleteIfExists(screenshot);

        try (HeadlessPage page = HeadlessPage.launch(TARGET.resolve("browser"))) {
            page.open(STACK.url() + "/results.html?poll=" + pollId);
            page.waitUntil("document.querySelector('[data-option=\"b\"] .votes')"
                    + " && document.getElementById('state').textContent === 'live'", Duration.ofSeconds(20));
            assertThat(bar(page, "a")).isEqualTo(new Bar("A", "0", "0.0%", "0%"));
            assertThat(page.text("#total")).isEqualTo("0");
            // Under the gateway's CSP (no inline style or script) the stylesheet applies too, not only the scripts.
            assertThat(page.evaluate("getComputedStyle(document.querySelector('.after-stats')).marginTop"))
                    .isEqualTo("16px");

            for (int i = 0; i < 7; i++) {
                assertThat(api.vote(STACK.token("dashboard-voter-a" + i), pollId, "a").status()).isEqualTo(202);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(api.vote(STACK.token("dashboard-voter-b" + i), pollId, "b").status()).isEqualTo(202);
            }

            page.waitUntil("document.querySelector('[data-option=\"a\"] .votes').textContent === '7'"
                    + " && document.querySelector('[data-option=\"b\"] .votes').textContent === '3'"
                    + " && document.getElementById('total').textContent === '10'", Duration.ofSeconds(30));
            assertThat(bar(page, "a")).isEqualTo(new Bar("A", "7", "70.0%", "70%"));
            assertThat(bar(page, "b")).isEqualTo(new Bar("B", "3", "30.0%", "30%"));
            assertThat(page.evaluate("document.querySelector('[data-option=\"a\"]').classList.contains('leader')")).isEqualTo(true);
            assertThat(page.text("#state")).isEqualTo("live");

            Reply closed = api.closePoll(admin, pollId);
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            page.waitUntil("document.getElementById('state').textContent === 'final'", Duration.ofSeconds(30));
            assertThat(bar(page, "a")).isEqualTo(new Bar("A", "7", "70.0%", "70%"));
            assertThat(page.text("#total")).isEqualTo("10");
            assertThat(page.text("#rate")).isEqualTo("0");

            // The picture once the bars' width transitions are over.
            page.waitUntil("[...document.querySelectorAll('.bar-fill')].every(bar => bar.getAnimations().length === 0)",
                    Duration.ofSeconds(10));
            page.screenshot(screenshot);
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror") || line.contains("Content Security Policy"));
        }
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void votePageCastsABallotAndShowsItsReceiptRecorded() throws Exception {
        String pollId = api.createPoll(admin, "Vote page", "a", "b");
        String token = STACK.token("vote-page-voter");
        Path screenshot = TARGET.resolve("vote-page.png");
        Files.deleteIfExists(screenshot);

        try (HeadlessPage page = HeadlessPage.launch(TARGET.resolve("browser"))) {
            page.open(STACK.url() + "/vote.html?poll=" + pollId + "#token=" + token);
            page.waitUntil("document.querySelector('input[name=option][value=\"b\"]')", Duration.ofSeconds(15));
            assertThat(page.text("#title")).isEqualTo("Vote page");

            page.click("input[name=option][value=\"b\"]");
            page.click("#submit");
            page.waitUntil("document.querySelector('#outcome .notice.ok, #outcome .notice.bad')", Duration.ofSeconds(30));
            String outcome = page.text("#outcome");
            assertThat(outcome).contains("Recorded in the ledger");

            String receiptId = page.text("#outcome .receipt").replace("Receipt", "").trim();
            Reply receipt = api.receipt(token, receiptId);
            assertThat(receipt.json().get("status").asText()).isEqualTo("recorded");
            assertThat(receipt.json().get("optionId").asText()).isEqualTo("b");

            page.screenshot(screenshot);
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror") || line.contains("Content Security Policy"));
        }
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void pagesComeWithTheOriginsSecurityHeaders() {
        for (String page : new String[] {"/", "/results.html", "/vote.html", "/results.js", "/admin.html",
                "/admin.js"}) {
            Reply reply = api.send(api.request(page).GET().build());
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.header("Content-Security-Policy")).as(page)
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(reply.header("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(page).isEqualTo("no-referrer");
        }
    }

    @Test
    void anAdminListsFlagsAndDismissesOneGroupAndConfirmsAnotherFromThePage() throws Exception {
        String pollId = api.createPoll(admin, "Reviewed", "a", "b");
        List<UUID> farm = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            farm.add(castAndRecord(pollId, "farm-voter-" + i, "a"));
        }
        UUID school = castAndRecord(pollId, "school-voter", "b");
        flag(pollId, FlagSubject.PREFIX, "farm-prefix", farm.get(0), 0.97);
        flag(pollId, FlagSubject.PREFIX, "farm-prefix", farm.get(1), 0.93);
        flag(pollId, FlagSubject.DEVICE, "school-device", school, 0.71);
        Path screenshot = TARGET.resolve("admin-page.png");
        Files.deleteIfExists(screenshot);

        // The ledger folds the flags a moment after they are appended; the page shows what it had folded by then.
        await().atMost(REVIEW_PATIENCE).until(() -> {
            JsonNode flags = flagsOf(pollId);
            return flags.size() == 2 && flags.get(0).get("voteCount").asInt() == 2;
        });

        try (HeadlessPage page = HeadlessPage.launch(TARGET.resolve("browser"))) {
            page.open(STACK.url() + "/admin.html?poll=" + pollId + "#token=" + admin);
            page.waitUntil(row("farm-prefix") + " && " + row("school-device"), REVIEW_PATIENCE);
            assertThat(page.text("tr[data-subject-key=\"farm-prefix\"] .votes")).isEqualTo("2");
            assertThat(page.text("tr[data-subject-key=\"farm-prefix\"] .score")).isEqualTo("0.97");
            assertThat(page.text("tr[data-subject-key=\"school-device\"] .status")).isEqualTo("open");
            page.screenshot(screenshot);

            page.evaluate(row("school-device") + ".querySelector('input.note').value = 'a school network'");
            page.click("tr[data-subject-key=\"school-device\"] button.dismiss");
            page.waitUntil("document.querySelector('#outcome .notice.ok, #outcome .notice.bad')", REVIEW_PATIENCE);
            assertThat(page.text("#outcome")).startsWith("Dismissed");

            page.click("tr[data-subject-key=\"farm-prefix\"] button.confirm");
            page.waitUntil("!document.getElementById('outcome').textContent.startsWith('Dismissed')", REVIEW_PATIENCE);
            assertThat(page.text("#outcome")).startsWith("Confirmed: 2 votes voided");
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror")
                    || line.contains("Content Security Policy"));
        }
        JsonNode flags = flagsOf(pollId);
        assertThat(flags).hasSize(2);
        for (JsonNode flag : flags) {
            if (flag.get("subjectKey").asText().equals("farm-prefix")) {
                assertThat(flag.get("status").asText()).isEqualTo("confirmed");
                assertThat(flag.get("voidedVotes").asInt()).isEqualTo(2);
                assertThat(flag.get("reviewedBy").asText()).isEqualTo("admin-1");
            } else {
                assertThat(flag.get("status").asText()).isEqualTo("dismissed");
                assertThat(flag.get("note").asText()).isEqualTo("a school network");
            }
        }
        assertThat(screenshot).isNotEmptyFile();
    }

    /** @return the vote's receipt id, once the ledger recorded it (only recorded votes can be voided) */
    private static UUID castAndRecord(String pollId, String voter, String optionId) {
        String token = STACK.token(voter);
        Reply cast = api.vote(token, pollId, optionId);
        assertThat(cast.status()).as(cast.body()).isEqualTo(202);
        String receiptId = cast.json().get("receiptId").asText();
        await().atMost(REVIEW_PATIENCE)
                .until(() -> "recorded".equals(api.receipt(token, receiptId).json().path("status").asText()));
        return UUID.fromString(receiptId);
    }

    /** Appends a flag to votes.flags as ingest would (keyed by poll and subject), with the stack's admin client. */
    private static void flag(String pollId, FlagSubject subject, String key, UUID voteId, double score)
            throws Exception {
        VoteFlagged flag = VoteFlagged.of(EventIds.next(), voteId, pollId, subject, key, score,
                List.of("headless-user-agent", "velocity-prefix"), Instant.now().truncatedTo(ChronoUnit.MICROS));
        Properties config = new Properties();
        config.putAll(STACK.kafkaClientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.VOTES_FLAGS, flag.key(), EventCodec.encode(flag)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode flagsOf(String pollId) {
        return api.send(api.request("/api/v1/polls/" + pollId + "/flags")
                .header("Authorization", "Bearer " + admin).GET().build()).json().get("flags");
    }

    private static String row(String subjectKey) {
        return "document.querySelector('tr[data-subject-key=\"" + subjectKey + "\"]')";
    }

    /** One option's row as the dashboard shows it: label, votes, percentage, bar width. */
    record Bar(String label, String votes, String percentage, String width) {
    }

    private static Bar bar(HeadlessPage page, String optionId) {
        String row = "[data-option=\"" + optionId + "\"]";
        return new Bar(page.text(row + " .bar-label"), page.text(row + " .votes"), page.text(row + " .pct"),
                String.valueOf(page.evaluate("document.querySelector('" + row + " .bar-fill').style.width")));
    }
}
