package votes.ledger.relay;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Turns a transformed Connect {@link SourceRecord} into the bytes Kafka Connect's worker would write: the
 * {@code key.converter} / {@code value.converter} of the configuration (with their {@code .}-prefixed settings)
 * and Connect's default header converter. So the relay's topics hold what a KafkaConnector would produce.
 */
final class ConnectRecords {

    /** The commit time of the row's transaction, added by the unwrap transform ({@code add.headers=source.ts_ms}). */
    static final String COMMIT_TIME_HEADER = "__source_ts_ms";

    private final Converter keys;
    private final Converter values;
    private final HeaderConverter headers;

    ConnectRecords(Properties connector) {
        this.keys = converter(connector, "key.converter", true);
        this.values = converter(connector, "value.converter", false);
        this.headers = new SimpleHeaderConverter();
        this.headers.configure(Map.of());
    }

    ProducerRecord<byte[], byte[]> toKafka(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders kafkaHeaders = new RecordHeaders();
        for (Header header : record.headers()) {
            kafkaHeaders.add(header.key(), headers.fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        byte[] key = keys.fromConnectData(topic, kafkaHeaders, record.keySchema(), record.key());
        byte[] value = values.fromConnectData(topic, kafkaHeaders, record.valueSchema(), record.value());
        return new ProducerRecord<>(topic, record.kafkaPartition(), record.timestamp(), key, value, kafkaHeaders);
    }

    /** @return the source commit time in epoch millis, or -1 if the record does not carry it */
    static long commitTime(SourceRecord record) {
        Header header = record.headers().lastWithName(COMMIT_TIME_HEADER);
        return header != null && header.value() instanceof Number ts ? ts.longValue() : -1;
    }

    private static Converter converter(Properties connector, String prefix, boolean isKey) {
        String className = connector.getProperty(prefix);
        if (className == null) {
            throw new IllegalStateException("missing " + prefix);
        }
        Map<String, Object> settings = new HashMap<>();
        connector.stringPropertyNames().stream().filter(name -> name.startsWith(prefix + "."))
                .forEach(name -> settings.put(name.substring(prefix.length() + 1), connector.getProperty(name)));
        try {
            Converter converter = (Converter) Class.forName(className).getDeclaredConstructor().newInstance();
            converter.configure(settings, isKey);
            return converter;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + prefix + " " + className, e);
        }
    }
}
