package votes.projections.streams;

import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the Kafka Streams client is RUNNING, for the stream threads' polls ({@link PollPacing}). Quarkus hands this
 * listener to Kafka Streams before the start; Streams calls it on every state change of the client.
 */
@Singleton
public class StreamsRunning implements KafkaStreams.StateListener {

    private volatile boolean running;

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        running = newState == KafkaStreams.State.RUNNING;
    }

    boolean running() {
        return running;
    }
}
