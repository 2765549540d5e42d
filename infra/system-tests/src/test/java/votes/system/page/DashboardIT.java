package votes.system.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;
import votes.infra.test.browser.Chromium;
import votes.infra.test.browser.HeadlessPage;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/**
 * The web pages in real headless Chromium, through the gateway of the whole stack: the dashboard's bars
 * follow votes cast through the API (ingest, Kafka, ledger, CDC, projections, realtime, SSE) and turn final
 * when the poll is closed; the vote page casts a ballot and follows its receipt until the ledger records it.
 * Screenshots land in target/ (dashboard.png, vote-page.png) for a person to look at.
 */
class DashboardIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    private static final Path TARGET = Path.of("target").toAbsolutePath();

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
        for (String page : new String[] {"/", "/results.html", "/vote.html", "/results.js"}) {
            Reply reply = api.send(api.request(page).GET().build());
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.header("Content-Security-Policy")).as(page)
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(reply.header("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(page).isEqualTo("no-referrer");
        }
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
