package votes.infra.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import votes.infra.stack.StackException;

/**
 * Where a topic ends and how far a consumer group got: read with the admin client only, so whoever asks joins no
 * group and commits nothing (the audit's LogReader.awaitGroup asks the same question from its own module).
 */
public final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    /** @param client bootstrap and login (KafkaAccess.client(...)); resetting a group needs the admin's */
    public ConsumerGroups(Map<String, Object> client, Duration timeout) {
        this.timeout = timeout;
        Map<String, Object> config = new java.util.LinkedHashMap<>(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
    }

    /** Partition → end offset (the offset the next record will get), in partition order. */
    public Map<Integer, Long> endOffsets(String topic) {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<Integer, Long> ends = new TreeMap<>();
        get(admin.listOffsets(latest).all(), "end offsets of " + topic)
                .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
        return ends;
    }

    /** Partition → committed offset of the group on this topic; partitions it never committed are absent. */
    public Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(), "committed offsets of group " + group);
        Map<Integer, Long> committed = new TreeMap<>();
        offsets.forEach((tp, at) -> {
            if (tp.topic().equals(topic) && at != null) {
                committed.put(tp.partition(), at.offset());
            }
        });
        return committed;
    }

    /**
     * Deletes the groups (they must have no member left); a group that does not exist counts as deleted.
     *
     * @throws StackException naming a group that still has members
     */
    public void delete(Collection<String> groups) {
        for (String group : groups) {
            try {
                admin.deleteConsumerGroups(List.of(group)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    continue;
                }
                if (e.getCause() instanceof GroupNotEmptyException) {
                    throw new StackException("consumer group " + group + " still has members; not deleted");
                }
                throw new StackException("cannot delete consumer group " + group + ": " + e.getCause(), e);
            } catch (TimeoutException e) {
                throw new StackException("deleting consumer group " + group + " timed out after "
                        + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while deleting consumer group " + group);
            }
        }
    }

    /** The groups of these names that exist on the cluster. */
    public List<String> existing(Collection<String> groups) {
        return get(admin.listGroups().all(), "list consumer groups").stream()
                .map(GroupListing::groupId).filter(groups::contains).sorted().toList();
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StackException("Kafka refused to " + what + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new StackException("Kafka did not answer (" + what + ") within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while asking Kafka (" + what + ")");
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
