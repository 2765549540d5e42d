package votes.perf.profile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One recording's execution samples counted five ways: by thread group (a pool's threads are one group), by the
 * package of the frame on top (where the CPU is spent: Netty, Kafka's client, Micrometer, our code...), by package
 * anywhere on the stack (inclusive), by the method on top (self time) and by each of our own methods anywhere on the
 * stack (its inclusive time: what a call from our code costs with everything below it).
 */
public final class SampleTally {

    /** Digits and hex ids in thread names: {@code vert.x-eventloop-thread-1} and {@code -0} are one pool. */
    private static final Pattern NUMBERING = Pattern.compile("(?<=[-_# .])[0-9a-f]*[0-9][0-9a-f]*|[0-9]+$");

    private final int packageDepth;
    private final String ownPackage;
    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Long> packages = new HashMap<>();
    private final Map<String, Long> selfMethods = new HashMap<>();
    private final Map<String, Long> ownInclusive = new HashMap<>();
    private final Map<String, Long> packagesInclusive = new HashMap<>();
    private long samples;

    /**
     * @param packageDepth how many segments of a package name make a group ({@code io.netty.buffer} at 3)
     * @param ownPackage   the prefix of our code ({@code votes.}), whose methods get inclusive counts
     */
    public SampleTally(int packageDepth, String ownPackage) {
        this.packageDepth = packageDepth;
        this.ownPackage = ownPackage;
    }

    /**
     * @param thread the sampled thread's name
     * @param frames the stack, top (running) frame first, each as {@code package.Class.method}
     */
    public void add(String thread, List<String> frames) {
        samples++;
        threads.merge(threadGroup(thread), 1L, Long::sum);
        if (frames.isEmpty()) {
            return;
        }
        String top = frames.get(0);
        packages.merge(packageOf(top), 1L, Long::sum);
        selfMethods.merge(top, 1L, Long::sum);
        Set<String> own = new LinkedHashSet<>();
        Set<String> anywhere = new LinkedHashSet<>();
        for (String frame : frames) {
            anywhere.add(packageOf(frame));
            if (frame.startsWith(ownPackage) && !generated(frame)) {
                own.add(frame);
            }
        }
        own.forEach(frame -> ownInclusive.merge(frame, 1L, Long::sum));
        anywhere.forEach(pkg -> packagesInclusive.merge(pkg, 1L, Long::sum));
    }

    /** Lambdas and the classes Quarkus generates around ours repeat the method they wrap or the chain they call. */
    static boolean generated(String frame) {
        return frame.contains("$$Lambda") || frame.contains(".lambda$") || frame.contains("_Subclass")
                || frame.contains("$quarkusrestinvoker$") || frame.contains("_ClientProxy");
    }

    public long samples() {
        return samples;
    }

    public List<Map.Entry<String, Long>> threads(int top) {
        return top(threads, top);
    }

    public List<Map.Entry<String, Long>> packages(int top) {
        return top(packages, top);
    }

    public List<Map.Entry<String, Long>> selfMethods(int top) {
        return top(selfMethods, top);
    }

    /** Each package group once per sample it is anywhere in: what the group costs with everything it calls. */
    public List<Map.Entry<String, Long>> packagesInclusive(int top) {
        return top(packagesInclusive, top);
    }

    public List<Map.Entry<String, Long>> ownInclusive(int top) {
        return top(ownInclusive, top);
    }

    static String threadGroup(String thread) {
        return thread == null ? "?" : NUMBERING.matcher(thread).replaceAll("#");
    }

    String packageOf(String frame) {
        String[] parts = frame.split("\\.");
        // The last two parts are the class and the method.
        int segments = Math.min(packageDepth, Math.max(1, parts.length - 2));
        return String.join(".", List.of(parts).subList(0, segments));
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .toList();
    }
}
