package votes.ledger.log;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** Where a consumed record sits in its partition, for the ledger rows and the log lines that cite it. */
public final class LogPositions {

    private LogPositions() {
    }

    @SuppressWarnings("unchecked")
    public static long offset(KafkaRecord<?, ?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }
}
