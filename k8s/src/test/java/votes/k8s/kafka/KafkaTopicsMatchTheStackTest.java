package votes.k8s.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.events.topic.TopicDurability;
import votes.events.topic.Topics;
import votes.k8s.render.Overlay;

/**
 * The cluster's topics are the local stack's: the contract's list ({@link Topics#ALL}) with the configs infra creates
 * them with ({@link TopicDurability#configs}) for the overlay's broker count, read from the code, not copied.
 */
class KafkaTopicsMatchTheStackTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicOfTheContractIsAKafkaTopicWithTheStacksConfigs(String name) {
        Overlay overlay = Overlay.rendered(name);
        int brokers = KafkaNodes.brokers(overlay);
        Map<String, ObjectNode> topics = byTopicName(overlay);
        int votesPartitions = topics.get(Topics.VOTES_SUBMITTED).path("spec").path("partitions").asInt();

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.Spec::name).toList());
        for (Topics.Spec spec : Topics.ALL) {
            JsonNode topic = topics.get(spec.name()).path("spec");
            assertThat(topic.path("partitions").asInt()).as(spec.name() + " partitions")
                    .isEqualTo(spec.partitions(votesPartitions));
            assertThat(topic.path("replicas").asInt()).as(spec.name() + " replicas")
                    .isEqualTo(TopicDurability.replicationFactor(brokers));
            assertThat(configs(topic)).as(spec.name() + " configs").isEqualTo(TopicDurability.configs(spec, brokers));
            assertThat(TopicDurability.weaknesses(spec, configs(topic), topic.path("replicas").asInt(), brokers))
                    .as(spec.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theBrokersDefaultsAreAsDurableAsTheTopics(String name) {
        Overlay overlay = Overlay.rendered(name);
        int brokers = KafkaNodes.brokers(overlay);
        JsonNode config = overlay.one("Kafka", "votes").path("spec").path("kafka").path("config");

        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(TopicDurability.minInsyncReplicas(brokers));
        assertThat(config.path("default.replication.factor").asInt())
                .isEqualTo(TopicDurability.replicationFactor(brokers));
        assertThat(config.path("offsets.topic.replication.factor").asInt())
                .isEqualTo(TopicDurability.replicationFactor(brokers));
        assertThat(config.path("transaction.state.log.replication.factor").asInt())
                .isEqualTo(TopicDurability.replicationFactor(brokers));
        assertThat(config.path("unclean.leader.election.enable").asString()).isEqualTo("false");
        assertThat(config.path("auto.create.topics.enable").asString()).isEqualTo("false");
    }

    private static Map<String, ObjectNode> byTopicName(Overlay overlay) {
        Map<String, ObjectNode> topics = new LinkedHashMap<>();
        overlay.ofKind("KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asString(), t));
        return topics;
    }

    private static Map<String, String> configs(JsonNode topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        topic.path("config").properties().forEach(e -> configs.put(e.getKey(), e.getValue().asString()));
        return configs;
    }
}
