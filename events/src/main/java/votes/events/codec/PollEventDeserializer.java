package votes.events.codec;

import org.apache.kafka.common.serialization.Deserializer;
import votes.events.poll.PollEvent;

/** Kafka adapter for {@link EventCodec}; a tombstone (null value) stays null. */
public class PollEventDeserializer implements Deserializer<PollEvent> {
    @Override
    public PollEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decodePollEvent(data);
    }
}
