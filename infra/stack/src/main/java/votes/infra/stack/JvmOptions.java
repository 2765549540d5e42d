package votes.infra.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JIT (and any other JVM flags) of the local stack's long-running JVMs: the services, the gateway, the Kafka
 * brokers, Zipkin and Keycloak. {@code VOTE_JVM_OPTIONS}, whitespace-separated; unset means {@link #LOCAL_DEFAULT},
 * set but empty means none (the JVM's own defaults, i.e. tiered C1 + C2, as the pods in k8s/ run).
 *
 * <p>Why C1 only by default: one machine runs eight or more JVMs at once, and right after a start C2 recompiles the
 * same hot paths in every one of them on the same few cores; on two cores that compile work, not the votes, is what
 * the first minutes wait on (perf/RESULTS.md, "The first minutes on C1"). C1 code costs more per vote once warm, so
 * perf/ measures with the JVM's defaults unless told otherwise.
 */
public record JvmOptions(List<String> flags) {

    public static final String ENV = "VOTE_JVM_OPTIONS";
    public static final String LOCAL_DEFAULT = "-XX:TieredStopAtLevel=1";

    /**
     * The JVM samples its perf counters, what {@code jstat} reads, once a second instead of every 50 ms. Idle, that
     * sampling thread was the busiest of an empty Quarkus JVM, ~1.5 of its ~2.6 ms of CPU a second, in each of the
     * stack's seven JVMs (perf/RESULTS.md, "The JVMs' own idle clock"). Java 25 dropped the flag (and the 50 ms tick).
     */
    public static final String PERF_SAMPLING = "-XX:PerfDataSamplingInterval=1000";
    /**
     * G1's service thread looks whether a periodic collection is due once a second while none is configured (so that
     * one set at run time is seen); with one an hour, it looks once an hour, and an hour-idle JVM returns its unused
     * heap, which is what the periodic collection is for.
     */
    public static final String G1_PERIODIC_GC = "-XX:G1PeriodicGCInterval=3600000";
    /**
     * G1's service thread samples the young regions' remembered sets every 300 ms to keep its pause prediction current
     * between collections; every 5 s is enough for a server whose collections re-size the young generation anyway.
     * Passed to Java 17 to 19 only, the releases known to take it: Java 25 refuses to start with it.
     */
    public static final String G1_REMSET_SAMPLING = "-XX:G1ConcRefinementServiceIntervalMillis=5000";
    /**
     * The monitor deflation thread looks every 250 ms whether enough inflated locks are idle to be worth deflating;
     * once a second is enough for what is a memory chore (its guaranteed look stays at 60 s). A diagnostic flag, hence
     * the unlock.
     */
    public static final List<String> MONITOR_DEFLATION = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:AsyncDeflationInterval=1000");

    private static final int PERF_SAMPLING_REMOVED = 25;
    private static final int REMSET_SAMPLING_LAST = 19;

    public JvmOptions {
        flags = List.copyOf(flags);
    }

    public static JvmOptions fromEnv(Map<String, String> env) {
        String value = env.getOrDefault(ENV, LOCAL_DEFAULT).strip();
        return new JvmOptions(value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+")));
    }

    /** From this process's environment (the CLI's or the test JVM's), which every stack JVM's launcher reads. */
    public static JvmOptions current() {
        return fromEnv(System.getenv());
    }

    /**
     * Every long-running JVM's flags for a Java feature release, whatever {@link #ENV} says: the JVM's own periodic
     * threads wake less often while it is idle. Each of them woke ~4 times a second in every one of the stack's JVMs
     * (perf/RESULTS.md, "The JVMs' idle clock, again"). The images' entrypoints take the same flags.
     */
    public static List<String> idleClock(int javaFeature) {
        List<String> idle = new ArrayList<>();
        if (javaFeature < PERF_SAMPLING_REMOVED) {
            idle.add(PERF_SAMPLING);
        }
        idle.add(G1_PERIODIC_GC);
        if (javaFeature <= REMSET_SAMPLING_LAST) {
            idle.add(G1_REMSET_SAMPLING);
        }
        idle.addAll(MONITOR_DEFLATION);
        return idle;
    }

    /** What a stack JVM on this runtime starts with (child JVMs run the launcher's own java). */
    public List<String> launchFlags() {
        return launchFlags(Runtime.version().feature());
    }

    /** What a stack JVM of the given Java release starts with: {@link #idleClock}, then these flags. */
    public List<String> launchFlags(int javaFeature) {
        return Stream.concat(idleClock(javaFeature).stream(), flags.stream()).toList();
    }
}
