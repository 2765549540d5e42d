package votes.ledger.relay.offset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredOffsetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheEnginesEntryAsDebeziumWroteItAfterACommit() {
        Path file = folder.resolve("offsets.dat");
        OffsetsFile.write(file, Map.of(
                utf8("[\"votes-cdc-relay\",{\"server\":\"ledger\"}]"),
                utf8("{\"lsn_proc\":26587528,\"messageType\":\"COMMIT\",\"lsn_commit\":26587528,\"lsn\":26587528,"
                        + "\"txId\":767,\"ts_usec\":1795991767413941}"),
                utf8("[\"another-engine\",{\"server\":\"ledger\"}]"), utf8("{\"lsn_proc\":1,\"lsn_commit\":1}")));

        StoredOffset offset = StoredOffset.in(file, "votes-cdc-relay").orElseThrow();

        assertThat(offset.processedLsn()).isEqualTo(26587528L);
        assertThat(offset.commitLsn()).isEqualTo(26587528L);
        assertThat(offset.snapshotRunning()).isFalse();
    }

    @Test
    void noFileOrNoEntryOfThisEngineIsNoStoredOffset() {
        Path file = folder.resolve("offsets.dat");
        assertThat(StoredOffset.in(file, "votes-cdc-relay")).isEmpty();

        OffsetsFile.write(file, Map.of(utf8("[\"another-engine\",{\"server\":\"ledger\"}]"), utf8("{\"lsn_proc\":1}")));
        assertThat(StoredOffset.in(file, "votes-cdc-relay")).isEmpty();
    }

    @Test
    void anOffsetWrittenDuringTheFirstSnapshotSaysSoAndHasNoProcessedLsn() throws Exception {
        StoredOffset offset = StoredOffset.of(JSON.readTree(
                "{\"lsn\":26587528,\"snapshot\":\"INITIAL\",\"last_snapshot_record\":false,\"snapshot_completed\":false}"));

        assertThat(offset.snapshotRunning()).isTrue();
        assertThat(offset.hasProcessedLsn()).isFalse();
    }

    @Test
    void theLastSnapshotRecordEndsTheSnapshot() throws Exception {
        assertThat(StoredOffset.of(JSON.readTree(
                "{\"lsn\":5,\"snapshot\":\"INITIAL\",\"last_snapshot_record\":true}")).snapshotRunning()).isFalse();
    }

    @Test
    void withoutLsnCommitTheConfirmableLsnIsTheProcessedOne() throws Exception {
        assertThat(StoredOffset.of(JSON.readTree("{\"lsn_proc\":42,\"lsn\":42}")).confirmableLsn()).isEqualTo(42);
        assertThat(StoredOffset.of(JSON.readTree("{\"lsn_proc\":40,\"lsn_commit\":50}")).confirmableLsn()).isEqualTo(50);
    }
}
