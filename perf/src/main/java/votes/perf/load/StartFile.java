package votes.perf.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A script's go signal to a generator it started early (e.g. warming up while the stack starts): a file appears. */
final class StartFile {

    private static final long CHECK_EVERY_MS = 50;

    private StartFile() {
    }

    /** Returns once {@code file} exists; fails after {@code timeout}. */
    static void await(Path file, Duration timeout) {
        System.err.println("waiting for " + file);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " did not appear within " + timeout);
            }
            try {
                Thread.sleep(CHECK_EVERY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + file, e);
            }
        }
    }
}
