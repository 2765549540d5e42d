package votes.projections.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.test.LocalStackResource;

/** The start-up check against the real broker's metadata: the counts it reads, and its refusal. */
class CoPartitionCheckIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DELTAS = "copartition-deltas-" + RUN;
    private static final String POLLS_SAME = "copartition-polls-same-" + RUN;
    private static final String POLLS_FEWER = "copartition-polls-fewer-" + RUN;

    private static Admin admin;

    @BeforeAll
    static void topics() throws Exception {
        admin = Admin.create(LocalStackResource.stack().kafkaClientProperties());
        admin.createTopics(List.of(new NewTopic(DELTAS, 6, (short) 1), new NewTopic(POLLS_SAME, 6, (short) 1),
                new NewTopic(POLLS_FEWER, 3, (short) 1))).all().get();
    }

    @AfterAll
    static void close() throws Exception {
        admin.deleteTopics(List.of(DELTAS, POLLS_SAME, POLLS_FEWER)).all().get();
        admin.close();
    }

    @Test
    void topicsWithTheSamePartitionCountPassWithTheirCounts() throws Exception {
        assertThat(CoPartitionCheck.check(admin, List.of(DELTAS, POLLS_SAME), WAIT))
                .containsExactly(Map.entry(DELTAS, 6), Map.entry(POLLS_SAME, 6));
    }

    @Test
    void topicsWithDifferentPartitionCountsAreRefusedNamingBothCounts() {
        assertThatThrownBy(() -> CoPartitionCheck.check(admin, List.of(DELTAS, POLLS_FEWER), WAIT))
                .isInstanceOf(CoPartitioning.MismatchedPartitionsException.class)
                .hasMessageContaining(DELTAS + " (6 partitions) and " + POLLS_FEWER + " (3 partitions)")
                .hasMessageContaining("refuse to start");
    }

    @Test
    void aTopicThatNeverAppearsFailsTheStartOnceTheWaitIsOver() {
        String missing = "copartition-missing-" + RUN;

        assertThatThrownBy(() -> CoPartitionCheck.check(admin, List.of(DELTAS, missing), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(CoPartitioning.MismatchedPartitionsException.class)
                .hasMessageContaining("cannot read the partition counts");
    }
}
