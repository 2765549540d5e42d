package votes.events.codec;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka adapter for {@link VoteRecords}: never throws, so a poison record reaches the consumer (with its bytes)
 * instead of being dropped by the client. Runs on the consumer's polling thread, like any deserializer.
 */
public class VoteRecordDeserializer implements Deserializer<VoteRecord> {
    @Override
    public VoteRecord deserialize(String topic, byte[] data) {
        return VoteRecords.read(data);
    }
}
