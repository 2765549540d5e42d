package votes.perf.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A script's go signal to a generator it started early (e.g. warming up while the stack starts): a file appears. Told
 * by the file system (a watch on its folder), so the load starts the moment the script touches it.
 */
final class StartFile {

    private StartFile() {
    }

    /** Returns once {@code file} exists; fails after {@code timeout}. */
    static void await(Path file, Duration timeout) {
        System.err.println("waiting for " + file);
        Path folder = file.toAbsolutePath().getParent();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            // Checked after the watch is in place: a file made before it would raise no event.
            while (!Files.exists(file)) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watch.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    throw new IllegalStateException(file + " did not appear within " + timeout);
                }
                key.pollEvents();
                key.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder + " for " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + file, e);
        }
    }
}
