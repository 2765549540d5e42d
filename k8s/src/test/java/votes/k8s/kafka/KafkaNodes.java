package votes.k8s.kafka;

import java.util.stream.StreamSupport;
import votes.k8s.render.Overlay;

/** What an overlay's KafkaNodePools add up to. */
final class KafkaNodes {

    private KafkaNodes() {
    }

    /** Nodes with the broker role: the count every durability number is relative to. */
    static int brokers(Overlay overlay) {
        return overlay.ofKind("KafkaNodePool").stream()
                .filter(pool -> StreamSupport.stream(pool.path("spec").path("roles").spliterator(), false)
                        .anyMatch(role -> "broker".equals(role.asString())))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
    }
}
