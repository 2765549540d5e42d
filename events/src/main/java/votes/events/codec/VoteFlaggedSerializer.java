package votes.events.codec;

import org.apache.kafka.common.serialization.Serializer;
import votes.events.flag.VoteFlagged;

/** Kafka adapter for {@link EventCodec}. */
public class VoteFlaggedSerializer implements Serializer<VoteFlagged> {
    @Override
    public byte[] serialize(String topic, VoteFlagged flag) {
        return flag == null ? null : EventCodec.encode(flag);
    }
}
