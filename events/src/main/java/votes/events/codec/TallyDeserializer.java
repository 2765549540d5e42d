package votes.events.codec;

import org.apache.kafka.common.serialization.Deserializer;
import votes.events.tally.Tally;

/** Kafka adapter for {@link EventCodec}; a tombstone (null value) stays null. */
public class TallyDeserializer implements Deserializer<Tally> {
    @Override
    public Tally deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decodeTally(data);
    }
}
