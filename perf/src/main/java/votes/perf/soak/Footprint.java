package votes.perf.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a process tree holds at one moment: resident memory and open file descriptors, added over the tree (a leak in
 * a PostgreSQL backend or a wrapper's JVM counts too). A process that ends while being read is left out.
 */
public record Footprint(long rssKb, long fds) {

    /** The tree of {@code pids} (root first) read under {@code proc}. */
    public static Footprint of(List<Long> pids, Path proc) {
        long rss = 0;
        long fds = 0;
        for (long pid : pids) {
            Path dir = proc.resolve(Long.toString(pid));
            try {
                rss += rssKb(Files.readString(dir.resolve("status")));
                try (Stream<Path> open = Files.list(dir.resolve("fd"))) {
                    fds += open.count();
                }
            } catch (IOException e) {
                // ended between the listing and the read: it holds nothing any more
            }
        }
        return new Footprint(rss, fds);
    }

    /** The {@code VmRSS:} line of a {@code /proc/<pid>/status} text, in kB; 0 for a process without one (a zombie). */
    static long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
