package votes.ledger.relay.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The position the relay stored for its connector: what Debezium resumes from. {@code processedLsn} is the
 * offset's {@code lsn_proc} (the last change completely processed, the LSN Debezium compares with the slot when
 * it starts), {@code commitLsn} its {@code lsn_commit} (the LSN it confirms to the slot); -1 when absent, as in
 * an offset written during the first snapshot.
 */
public record StoredOffset(long processedLsn, long commitLsn, boolean snapshotRunning) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored offset of the engine named {@code engineName} (the relay's {@code name}), if the file has one. */
    public static Optional<StoredOffset> in(Path offsetsFile, String engineName) {
        for (Map.Entry<byte[], byte[]> entry : OffsetsFile.read(offsetsFile).entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                continue;
            }
            JsonNode key = parse(entry.getKey());
            if (key.isArray() && engineName.equals(key.path(0).asText())) {
                return Optional.of(of(parse(entry.getValue())));
            }
        }
        return Optional.empty();
    }

    static StoredOffset of(JsonNode offset) {
        // Debezium's PostgresOffsetContext: "snapshot" is present until the first snapshot completes.
        boolean snapshotRunning = offset.has("snapshot") && !offset.path("last_snapshot_record").asBoolean(false)
                && !offset.path("snapshot_completed").asBoolean(false);
        return new StoredOffset(offset.path("lsn_proc").asLong(-1), offset.path("lsn_commit").asLong(-1), snapshotRunning);
    }

    /**
     * The LSN this offset confirms to the slot when Debezium commits it: {@code lsn_commit}, else {@code lsn_proc}.
     * Not {@code processedLsn}: inside a transaction decoded after a later-starting one committed, {@code lsn_proc}
     * can be below {@code lsn_commit}.
     */
    public long confirmableLsn() {
        return commitLsn >= 0 ? commitLsn : processedLsn;
    }

    public boolean hasProcessedLsn() {
        return processedLsn >= 0;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the relay's offsets file holds something that is not JSON", e);
        }
    }
}
