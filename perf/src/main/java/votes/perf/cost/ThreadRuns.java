package votes.perf.cost;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many times a process's threads have been put on a CPU: the third field of each
 * {@code /proc/<pid>/task/<tid>/schedstat} (ns on a CPU, ns waiting to run, times run), summed over the threads alive
 * now. Idle, a thread's runs are its wake-ups; under load, a vote's hand-offs between threads and processes. On this
 * machine a run costs ~100–200 µs of CPU however little it does (perf/RESULTS.md, "Idle counted in wake-ups", "Cost
 * per vote counted in thread runs"), and runs move far less between runs of a benchmark than CPU time does.
 *
 * <p>Undercounts what ended: unlike {@code stat}'s {@code cutime}, nothing keeps the runs of an exited thread or a
 * reaped child (a PostgreSQL backend whose connection closed).
 */
@FunctionalInterface
public interface ThreadRuns {

    /** @return the runs of {@code pid}'s threads alive now; 0 for a process that is gone */
    long of(long pid);

    /** Read from {@code proc} ({@code /proc}). */
    static ThreadRuns under(Path proc) {
        return pid -> {
            long runs = 0;
            Path taskDir = proc.resolve(Long.toString(pid)).resolve("task");
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
                for (Path task : tasks) {
                    runs += runsOf(task.resolve("schedstat"));
                }
            } catch (IOException e) {
                // the process ended between the table's read and this one: its runs are gone with it
            }
            return runs;
        };
    }

    private static long runsOf(Path schedstat) {
        try {
            return parse(Files.readString(schedstat));
        } catch (IOException e) {
            return 0; // the thread ended between the listing and the read
        }
    }

    /** The runs in a schedstat line: {@code <ns on a CPU> <ns waiting to run> <times run>}. */
    static long parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("not a /proc/<pid>/task/<tid>/schedstat line: " + line);
        }
        return Long.parseLong(fields[2]);
    }
}
