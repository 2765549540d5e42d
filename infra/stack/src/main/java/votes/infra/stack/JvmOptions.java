package votes.infra.stack;

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
     * Every long-running stack JVM's flag, whatever {@link #ENV} says (its flags come after it and may override it):
     * the JVM samples its perf counters, what {@code jstat} reads, once a second instead of every 50 ms. Idle, that
     * sampling thread was the busiest of an empty Quarkus JVM, ~1.5 of its ~2.6 ms of CPU a second, in each of the
     * stack's seven JVMs (perf/RESULTS.md, "The JVMs' own idle clock"). The images set the same flag.
     */
    public static final String PERF_SAMPLING = "-XX:PerfDataSamplingInterval=1000";

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

    /** What a stack JVM starts with: {@link #PERF_SAMPLING}, then these flags. */
    public List<String> launchFlags() {
        return Stream.concat(Stream.of(PERF_SAMPLING), flags.stream()).toList();
    }
}
