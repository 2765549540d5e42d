package votes.perf.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two readings of the broker's running counts, kept as lines and compared per vote. */
class BrokerCountsTest {

    @Test
    void aReadingSurvivesItsLinesAndVersionsOfOneTypeAddUp() {
        BrokerCounts counts = BrokerCounts.parse(List.of("request Produce 10", "request Produce 5", "request Fetch 7",
                "messages-in votes.submitted 100", "something else entirely", ""));

        assertThat(counts.requests()).isEqualTo(Map.of("Produce", 15L, "Fetch", 7L));
        assertThat(BrokerCounts.parse(counts.format().lines().toList())).isEqualTo(counts);
    }

    @Test
    void whatGrewBetweenTwoReadingsIsCountedPerVoteAndATypeFirstSeenAfterCountsFromZero() {
        BrokerCounts before = BrokerCounts.parse(List.of("request Produce 100", "request Fetch 50",
                "request Metadata 9", "messages-in votes.submitted 1000"));
        BrokerCounts after = BrokerCounts.parse(List.of("request Produce 150", "request Fetch 90", "request FetchConsumer 40",
                "request Metadata 9", "request EndTxn 4", "messages-in votes.submitted 1200"));

        BrokerCounts grown = after.since(before);

        assertThat(grown.requests()).isEqualTo(Map.of("Produce", 50L, "Fetch", 40L, "FetchConsumer", 40L, "EndTxn", 4L));
        assertThat(grown.totalRequests()).as("the consumers' fetches are among the Fetch, not more").isEqualTo(94);
        assertThat(grown.perVoteTable(200, 10)).contains("| Produce | 50 | 0.250 | 5.0 |")
                .contains("| FetchConsumer (part of Fetch) | 40 | 0.200 | 4.0 |")
                .contains("| **all requests** | 94 | 0.470 | 9.4 |")
                .contains("| votes.submitted | 200 | 1.000 | 20.0 |");
    }
}
