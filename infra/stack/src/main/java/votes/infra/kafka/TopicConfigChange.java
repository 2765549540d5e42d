package votes.infra.kafka;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of an existing topic that infra brings to what the contract requires, e.g. Kafka's 7-day default
 * retention on a topic created before the log was declared forever. Its text is what `./vote up` reports.
 */
public record TopicConfigChange(String topic, String key, String from, String to) {

    /** Every wanted setting whose live (effective) value differs, in the wanted map's order. */
    public static List<TopicConfigChange> between(String topic, Map<String, String> wanted, Map<String, String> live) {
        return wanted.entrySet().stream()
                .filter(e -> !Objects.equals(e.getValue(), live.get(e.getKey())))
                .map(e -> new TopicConfigChange(topic, e.getKey(), live.get(e.getKey()), e.getValue()))
                .toList();
    }

    @Override
    public String toString() {
        return topic + ": " + key + " " + from + " → " + to;
    }
}
