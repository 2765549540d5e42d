package votes.kit.topic;

import java.util.List;

/** Whether the topics a service owns hold the contract's durability settings: up, or every reason they do not. */
public record TopicVerdict(boolean up, List<String> reasons) {

    public TopicVerdict {
        reasons = List.copyOf(reasons);
    }

    public static TopicVerdict of(List<String> weaknesses) {
        return new TopicVerdict(weaknesses.isEmpty(), weaknesses);
    }

    /** Kafka could not be asked: not ready either, since nothing says the log is safe. */
    public static TopicVerdict unknown(String reason) {
        return new TopicVerdict(false, List.of(reason));
    }
}
