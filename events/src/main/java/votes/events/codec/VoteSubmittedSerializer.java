package votes.events.codec;

import org.apache.kafka.common.serialization.Serializer;
import votes.events.vote.VoteSubmitted;

/** Kafka adapter for {@link EventCodec}. */
public class VoteSubmittedSerializer implements Serializer<VoteSubmitted> {
    @Override
    public byte[] serialize(String topic, VoteSubmitted event) {
        return event == null ? null : EventCodec.encode(event);
    }
}
