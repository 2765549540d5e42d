package votes.ledger.relay.offset;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;

/**
 * Connect's file offset store, with {@link #save()} replaced by {@link OffsetsFile#write}: the engine confirms
 * an LSN to the replication slot only after the offset flush returns, so the slot can never be confirmed past
 * an offset that is not on disk. Reading is Connect's own (same format). Set as {@code offset.storage}.
 */
public final class DurableFileOffsetStore extends FileOffsetBackingStore {

    private Path file;

    public DurableFileOffsetStore() {
        super(offsetKeyConverter());
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        file = Path.of(config.getString(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG));
    }

    /** Runs on the store's single writer thread, like Connect's own save. */
    @Override
    protected void save() {
        Map<byte[], byte[]> entries = new HashMap<>();
        data.forEach((key, value) -> entries.put(key == null ? null : key.array(), value == null ? null : value.array()));
        OffsetsFile.write(file, entries);
    }

    /** The key converter the embedded engine gives Connect's file store (JSON without schemas). */
    private static JsonConverter offsetKeyConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), true);
        return converter;
    }
}
