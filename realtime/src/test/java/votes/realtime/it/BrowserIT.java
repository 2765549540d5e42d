package votes.realtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** results.html in real headless Chromium: the bars follow tallies published to Kafka. */
@QuarkusTest
@QuarkusTestResource(RealtimeStackResource.class)
class BrowserIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDashboardShowsNewTalliesAsTheyArriveAndTheFinalBadge() throws Exception {
        String why = Browser.ensureChromium();
        Assumptions.assumeTrue(why == null, why);
        Path driver = Browser.ensureDriver();
        Path screenshot = driver.getParent().resolve("results-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        String pollId = TallyFixture.newPollId();
        TallyFixture.publish(pollId, 0, 3, 1);
        ResultsIT.awaitVersion(pollId, 0);

        String url = base.toString().replaceAll("/$", "") + "/results.html?poll=" + pollId;
        Process node = new ProcessBuilder("node", "results-page.mjs", url, screenshot.toString(), "42", "60")
                .directory(driver.toFile()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                System.out.println("[browser] " + line);
                if (line.equals("READY")) {
                    // A few steps, as votes would arrive, then the close.
                    TallyFixture.publish(pollId, 1, 10, 5);
                    Thread.sleep(300);
                    TallyFixture.publish(pollId, 2, 25, 12);
                    Thread.sleep(300);
                    TallyFixture.publish(pollId, 3, 42, 18);
                    Thread.sleep(300);
                    TallyFixture.publish(pollId, TallyFixture.tally(pollId, 4, 42, 18, true));
                }
            }
        }
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).contains("BEFORE votes=3 width=75%");
        assertThat(output).anyMatch(l -> l.startsWith("AFTER votes=42 pct=70.0%"));
        assertThat(screenshot).exists();
    }
}
