package votes.ledger.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads ledger.tally-deltas and ledger.polls from the beginning, in the background, noting when each row arrived. */
final class TopicReader implements AutoCloseable {

    /** One record as read: the key as its UTF-8 text (the contract's key is the bare poll id), the value as JSON. */
    record Arrival(String topic, int partition, String key, JsonNode value, long receivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    /** delta_id -> how often it arrived, and when first. */
    private final Map<String, Integer> deltaCopies = new ConcurrentHashMap<>();
    private final Map<String, Long> firstDeltaArrival = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicReader(Map<String, Object> client, Map<String, Integer> topics) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
        });
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        Arrival arrival = new Arrival(record.topic(), record.partition(), record.key(),
                                parse(record.value()), now);
                        arrivals.add(arrival);
                        if (record.topic().equals("ledger.tally-deltas")) {
                            String id = arrival.value().get("delta_id").asText();
                            deltaCopies.merge(id, 1, Integer::sum);
                            firstDeltaArrival.putIfAbsent(id, now);
                        }
                    }
                }
            }
        }, "topic-reader");
        thread.setDaemon(true);
        thread.start();
    }

    List<Arrival> arrivals(String topic) {
        return arrivals.stream().filter(a -> a.topic().equals(topic)).toList();
    }

    boolean arrived(String deltaId) {
        return deltaCopies.containsKey(deltaId);
    }

    Long firstArrival(String deltaId) {
        return firstDeltaArrival.get(deltaId);
    }

    int copies(String deltaId) {
        return deltaCopies.getOrDefault(deltaId, 0);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
