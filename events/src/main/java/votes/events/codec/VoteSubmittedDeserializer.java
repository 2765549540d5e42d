package votes.events.codec;

import org.apache.kafka.common.serialization.Deserializer;
import votes.events.vote.VoteSubmitted;

/** Kafka adapter for {@link EventCodec}; a tombstone (null value) stays null. */
public class VoteSubmittedDeserializer implements Deserializer<VoteSubmitted> {
    @Override
    public VoteSubmitted deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decodeVote(data);
    }
}
