package votes.ledger.relay.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFileOffsetStoreTest {

    private static final ByteBuffer KEY = utf8("[\"votes-cdc-relay\",{\"server\":\"ledger\"}]");

    @TempDir
    Path folder;

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private StandaloneConfig config(Path file) {
        return new StandaloneConfig(Map.of("bootstrap.servers", "localhost:9092",
                "key.converter", JsonConverter.class.getName(), "value.converter", JsonConverter.class.getName(),
                StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, file.toString()));
    }

    private DurableFileOffsetStore started(Path file) {
        DurableFileOffsetStore store = new DurableFileOffsetStore();
        store.configure(config(file));
        store.start();
        return store;
    }

    @Test
    void aFlushIsOnDiskWhenItReturnsAndARestartedStoreReadsItBack() throws Exception {
        Path file = folder.resolve("relay").resolve("offsets.dat");
        DurableFileOffsetStore store = started(file);
        store.set(Map.of(KEY, utf8("{\"lsn_proc\":100,\"lsn_commit\":100}")), null).get(10, TimeUnit.SECONDS);
        store.set(Map.of(KEY, utf8("{\"lsn_proc\":200,\"lsn_commit\":200}")), null).get(10, TimeUnit.SECONDS);

        // Read while the first store still runs: what a kill -9 right now would leave.
        assertThat(StoredOffset.in(file, "votes-cdc-relay").orElseThrow().processedLsn()).isEqualTo(200);
        store.stop();

        DurableFileOffsetStore restarted = started(file);
        ByteBuffer value = restarted.get(List.of(KEY)).get(10, TimeUnit.SECONDS).get(KEY);
        restarted.stop();
        assertThat(StandardCharsets.UTF_8.decode(value).toString()).isEqualTo("{\"lsn_proc\":200,\"lsn_commit\":200}");
        try (var names = Files.list(file.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("offsets.dat");
        }
    }

    @Test
    void connectsOwnFileStoreReadsWhatTheDurableStoreWrote() throws Exception {
        Path file = folder.resolve("offsets.dat");
        DurableFileOffsetStore store = started(file);
        store.set(Map.of(KEY, utf8("{\"lsn_proc\":7}")), null).get(10, TimeUnit.SECONDS);
        store.stop();

        JsonConverter keys = new JsonConverter();
        keys.configure(Map.of("schemas.enable", "false"), true);
        FileOffsetBackingStore connect = new FileOffsetBackingStore(keys);
        connect.configure(config(file));
        connect.start();
        ByteBuffer value = connect.get(List.of(KEY)).get(10, TimeUnit.SECONDS).get(KEY);
        connect.stop();

        assertThat(StandardCharsets.UTF_8.decode(value).toString()).isEqualTo("{\"lsn_proc\":7}");
    }
}
