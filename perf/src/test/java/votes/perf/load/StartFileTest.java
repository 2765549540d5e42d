package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartFileTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aFileThatIsAlreadyThereStartsTheLoadAtOnce() throws IOException {
        Path go = Files.createFile(dir.resolve("go"));

        assertThatCode(() -> StartFile.await(go, PATIENCE)).doesNotThrowAnyException();
    }

    @Test
    void aFileTouchedWhileTheGeneratorWaitsStartsTheLoad() {
        Path go = dir.resolve("go");
        ScheduledExecutorService script = Executors.newSingleThreadScheduledExecutor();
        try {
            script.schedule(() -> touch(dir.resolve("other")), 50, TimeUnit.MILLISECONDS);
            script.schedule(() -> touch(go), 100, TimeUnit.MILLISECONDS);

            assertThatCode(() -> StartFile.await(go, PATIENCE)).doesNotThrowAnyException();
        } finally {
            script.shutdownNow();
        }
    }

    @Test
    void aFileThatNeverComesEndsTheWaitWithItsName() {
        Path go = dir.resolve("go");

        assertThatThrownBy(() -> StartFile.await(go, Duration.ofMillis(200))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(go + " did not appear within");
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
