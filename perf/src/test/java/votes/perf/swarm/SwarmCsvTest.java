package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmCsvTest {

    @TempDir
    Path dir;

    private static VoteResult result(Strategy s, Outcome outcome, double latency) {
        ClientProfile chrome = BrowserProfiles.WITH_HINTS.get(0);
        PlannedVote v = new PlannedVote(3, s, "sw1-" + s.slug() + "-3", "127.90.0.4", "dev-1", chrome, 1200, -300_000,
                "a", PlannedVote.NEVER_GIVES_UP, true);
        return new VoteResult("measured", v, 301_000, 2, 1, 16, 4.5, 45, latency, 7, outcome == Outcome.FAILED ? 0 : 202,
                outcome, "", "r-1", false, 0, List.of());
    }

    @Test
    void aRowHoldsTheLabelTheFeaturesAndTheOutcomeWithTheUserAgentQuoted() {
        VoteResult r = result(Strategy.HUMAN, Outcome.ACCEPTED, 52.5).flaggedAs(0.91, List.of("a", "b"));
        List<String> fields = SwarmCsv.fields(SwarmCsv.row(r));
        assertThat(fields).hasSize(SwarmCsv.COLUMNS.size());
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            row.put(SwarmCsv.COLUMNS.get(i), fields.get(i));
        }
        assertThat(row).containsEntry("strategy", "human").containsEntry("bot", "0").containsEntry("prefix24", "127.90.0")
                .containsEntry("client_hints", "1").containsEntry("planned_token_age_ms", "301200")
                .containsEntry("max_difficulty", "16").containsEntry("latency_ms", "52.500")
                .containsEntry("first_answer_ms", "7.000")
                .containsEntry("outcome", "accepted").containsEntry("flagged", "1")
                .containsEntry("flag_reasons", "a;b").containsEntry("user_agent", BrowserProfiles.WITH_HINTS.get(0)
                        .userAgent());
    }

    @Test
    void thePeoplesVotesComeBackFromTheFileWithoutTheBots() {
        Path file = dir.resolve("baseline.csv");
        SwarmCsv.write(file, List.of(result(Strategy.HUMAN, Outcome.ACCEPTED, 12.25).flaggedAs(0.7, List.of("x")),
                result(Strategy.HUMAN, Outcome.FAILED, 10_000), result(Strategy.HEADLESS, Outcome.ACCEPTED, 3)));
        assertThat(SwarmCsv.people(file)).containsExactly(new PersonVote(Outcome.ACCEPTED, 16, true, 1200, 12.25, 5.25),
                new PersonVote(Outcome.FAILED, 16, false, 1200, 10_000, 9_993));
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertThat(SwarmCsv.fields("a,\"b, c\",\"d \"\"e\"\"\",")).containsExactly("a", "b, c", "d \"e\"", "");
        assertThat(SwarmCsv.quote("x\"y")).isEqualTo("\"x\"\"y\"");
    }
}
