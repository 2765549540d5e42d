package votes.events.codec;

import org.apache.kafka.common.serialization.Serializer;
import votes.events.poll.PollEvent;

/** Kafka adapter for {@link EventCodec}. */
public class PollEventSerializer implements Serializer<PollEvent> {
    @Override
    public byte[] serialize(String topic, PollEvent event) {
        return event == null ? null : EventCodec.encode(event);
    }
}
