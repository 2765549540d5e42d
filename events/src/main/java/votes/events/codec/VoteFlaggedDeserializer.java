package votes.events.codec;

import org.apache.kafka.common.serialization.Deserializer;
import votes.events.flag.VoteFlagged;

/** Kafka adapter for {@link EventCodec}; a value that is no flag reads as null (the consumer counts and skips it). */
public class VoteFlaggedDeserializer implements Deserializer<VoteFlagged> {
    @Override
    public VoteFlagged deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventCodec.decodeVoteFlagged(data);
        } catch (EventCodecException e) {
            return null;
        }
    }
}
