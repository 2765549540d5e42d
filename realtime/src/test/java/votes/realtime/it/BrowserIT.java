package votes.realtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import votes.infra.test.browser.Chromium;
import votes.infra.test.browser.HeadlessPage;

/** results.html in real headless Chromium: the bars follow tallies published to Kafka. */
@QuarkusTest
@QuarkusTestResource(RealtimeStackResource.class)
class BrowserIT {

    private static final String A = "[data-option=\"a\"]";

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDashboardShowsNewTalliesAsTheyArriveAndTheFinalBadge() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        Path target = Path.of(System.getProperty("realtime.target", "target"));
        Path screenshot = target.resolve("results-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        String pollId = TallyFixture.newPollId();
        TallyFixture.publish(pollId, 0, 3, 1);
        ResultsIT.awaitVersion(pollId, 0);

        try (HeadlessPage page = HeadlessPage.launch(target.resolve("browser"))) {
            page.open(base.toString().replaceAll("/$", "") + "/results.html?poll=" + pollId);
            page.waitUntil("document.querySelector('" + A + " .votes') && document.getElementById('state').textContent === 'live'",
                    Duration.ofSeconds(15));
            assertThat(page.text(A + " .votes")).isEqualTo("3");
            assertThat(page.evaluate("document.querySelector('" + A + " .bar-fill').style.width")).isEqualTo("75%");

            // A few steps, as votes would arrive, each on the page before the next, then the close.
            TallyFixture.publish(pollId, 1, 10, 5);
            page.waitUntil(votesShown("10"), Duration.ofSeconds(15));
            TallyFixture.publish(pollId, 2, 25, 12);
            page.waitUntil(votesShown("25"), Duration.ofSeconds(15));
            TallyFixture.publish(pollId, 3, 42, 18);
            page.waitUntil(votesShown("42"), Duration.ofSeconds(15));
            TallyFixture.publish(pollId, TallyFixture.tally(pollId, 4, 42, 18, true));

            page.waitUntil(votesShown("42") + " && document.getElementById('total').textContent === '60'",
                    Duration.ofSeconds(20));
            page.waitUntil("document.getElementById('state').textContent === 'final'", Duration.ofSeconds(10));
            assertThat(page.text(A + " .pct")).isEqualTo("70.0%");
            assertThat(page.evaluate("document.querySelector('" + A + " .bar-fill').style.width")).isEqualTo("70%");
            // The picture once the bars' width transitions are over.
            page.waitUntil("[...document.querySelectorAll('.bar-fill')].every(bar => bar.getAnimations().length === 0)",
                    Duration.ofSeconds(10));
            page.screenshot(screenshot);
        }
        assertThat(screenshot).exists();
    }

    /** JavaScript: option a's vote count on the page reads {@code votes}. */
    private static String votesShown(String votes) {
        return "document.querySelector('" + A + " .votes').textContent === '" + votes + "'";
    }
}
