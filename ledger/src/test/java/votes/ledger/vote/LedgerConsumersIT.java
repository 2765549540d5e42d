package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import votes.events.topic.Topics;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;

/**
 * The ledger's Kafka consumers ({@code LEDGER_CONSUMERS}, copies of the {@code votes-submitted} channel, each with its
 * own batch pipeline in {@link VoteConsumer}) as the broker sees them: members of one group that split the
 * partitions, and both write. Whether their concurrent transactions keep each partition's Merkle log contiguous and in
 * offset order is MerkleLogIT's, over every vote of this JVM.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestProfile(LedgerConsumersIT.TwoConsumers.class)
class LedgerConsumersIT {

    /** A ledger run with two consumers (LEDGER_CONSUMERS=2; the default is one), as several ledger pods would be. */
    public static class TwoConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.votes-submitted.concurrency", "2");
        }
    }

    private static final int VOTES = 120;

    @Inject
    Pool pool;

    @ConfigProperty(name = "mp.messaging.incoming.votes-submitted.concurrency")
    int consumers;

    @ConfigProperty(name = "mp.messaging.incoming.votes-submitted.group.id")
    String group;

    @Test
    void theConsumersSplitThePartitionsBetweenThemAndEachRecordsItsOwnVotesOnce() throws Exception {
        assertThat(consumers).as("LEDGER_CONSUMERS of this test's profile").isEqualTo(2);
        String pollId = createPoll();
        List<VoteSubmitted> votes = IntStream.range(0, VOTES)
                .mapToObj(i -> vote(pollId, newSubject("voter" + i), i % 2 == 0 ? "a" : "b", Instant.now()))
                .toList();
        votes.forEach(LedgerFixture::append);

        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).until(() -> tables.votes(pollId).size() == VOTES);
        votes.forEach(vote -> assertThat(tables.verdicts(vote.eventId())).as("verdicts of %s", vote.eventId()).isOne());

        List<Set<Integer>> assignments = assignments();
        assertThat(assignments).as("members of group %s", group).hasSize(consumers)
                .allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
        Set<Integer> union = new HashSet<>();
        assignments.forEach(union::addAll);
        assertThat(union).as("no partition held twice").hasSize(assignments.stream().mapToInt(Set::size).sum());
        Set<Integer> written = tables.votes(pollId).stream().map(LedgerTables.VoteRow::partition)
                .collect(Collectors.toSet());
        assertThat(assignments).as("every consumer recorded votes of its partitions (%s)", written)
                .allSatisfy(partitions -> assertThat(partitions).containsAnyElementsOf(written));
    }

    /** The {@code votes.submitted} partitions of each member of the ledger's group, once all have joined. */
    private List<Set<Integer>> assignments() {
        Properties config = new Properties();
        config.putAll(LocalStackResource.stack().kafkaClientProperties());
        try (Admin admin = Admin.create(config)) {
            List<Set<Integer>> assignments = new ArrayList<>();
            await().atMost(patience()).until(() -> {
                assignments.clear();
                Collection<MemberDescription> members = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get().members();
                members.forEach(member -> assignments.add(member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(Topics.VOTES_SUBMITTED))
                        .map(TopicPartition::partition).collect(Collectors.toSet())));
                return assignments.size() == consumers;
            });
            return assignments;
        }
    }
}
