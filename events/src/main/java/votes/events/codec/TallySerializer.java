package votes.events.codec;

import org.apache.kafka.common.serialization.Serializer;
import votes.events.tally.Tally;

/** Kafka adapter for {@link EventCodec}. */
public class TallySerializer implements Serializer<Tally> {
    @Override
    public byte[] serialize(String topic, Tally tally) {
        return tally == null ? null : EventCodec.encode(tally);
    }
}
