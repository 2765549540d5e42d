package votes.system.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.events.codec.EventCodec;
import votes.events.id.EventIds;
import votes.events.key.PartitionKeys;
import votes.events.poll.VotesVoided;
import votes.events.topic.Topics;
import votes.infra.test.VoteStackExtension;
import votes.system.CountedVotes;
import votes.system.LedgerDatabase;
import votes.system.ResultsStream;
import votes.system.VotesApi;

/**
 * A confirmed flag's {@code VotesVoided} (appended to poll-events as the review does) travels the whole way: the
 * ledger voids the votes and writes negative deltas, the relay streams them, projections subtract them, and the
 * results API and an open SSE dashboard move down to the ledger's counted votes; the voter's receipt says voided.
 */
class AVoidMovesResultsAndTheStreamDownIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    @Test
    void resultsApiAndSseMoveDownByExactlyTheVoidedVotesAndTheReceiptSaysVoided() throws Exception {
        VotesApi api = new VotesApi(STACK.url());
        LedgerDatabase ledger = new LedgerDatabase(STACK.stack());
        String poll = api.createPoll(STACK.token("admin-void", "admin"), "void", "a", "b");
        await().atMost(PATIENCE).until(() -> api.results(poll).status() == 200);
        ResultsStream dashboard = ResultsStream.open(STACK.url(), poll, null);

        List<String> tokens = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        String[] options = {"a", "a", "a", "b", "b"};
        for (int i = 0; i < options.length; i++) {
            tokens.add(STACK.token("void-voter-" + i + "-" + UUID.randomUUID()));
            VotesApi.Reply reply = api.vote(tokens.get(i), poll, options[i]);
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
            receipts.add(reply.json().get("receiptId").asText());
        }
        CountedVotes.awaitEverywhere(STACK, api, dashboard, poll, Map.of("a", 3L, "b", 2L));
        long versionBefore = dashboard.last().id();

        // Two of a's votes and one of b's, as a confirmed flag names them.
        List<UUID> named = List.of(UUID.fromString(receipts.get(0)), UUID.fromString(receipts.get(1)),
                UUID.fromString(receipts.get(3)));
        appendVoid(VotesVoided.of(EventIds.next(), poll, "flag-sys", "bot swarm", named, Instant.now()));

        CountedVotes.awaitEverywhere(STACK, api, dashboard, poll, Map.of("a", 1L, "b", 1L));
        assertThat(ledger.recordedVotes(poll)).as("voided votes keep their rows").isEqualTo(5);
        assertThat(api.results(poll).json().get("totalVotes").asLong()).isEqualTo(2);
        assertThat(dashboard.last().id()).as("the stream moved on to a newer version").isGreaterThan(versionBefore);
        assertThat(dashboard.last().data().get("totalVotes").asLong()).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            VotesApi.Reply receipt = api.receipt(tokens.get(0), receipts.get(0));
            assertThat(receipt.status()).isEqualTo(200);
            assertThat(receipt.json().get("status").asText()).isEqualTo("voided");
            assertThat(receipt.json().get("reason").asText()).isEqualTo("bot swarm");
        });
        assertThat(api.receipt(tokens.get(2), receipts.get(2)).json().get("status").asText()).isEqualTo("recorded");
        dashboard.close();
    }

    private static void appendVoid(VotesVoided voided) throws Exception {
        Properties config = new Properties();
        config.putAll(STACK.stack().kafkaClientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.POLL_EVENTS, PartitionKeys.poll(voided.pollId()),
                    EventCodec.encode(voided))).get(30, TimeUnit.SECONDS);
        }
    }
}
