package votes.perf.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import votes.perf.report.CliErrors;

/**
 * Summarises JDK Flight Recorder recordings of the stack's JVMs (perf/run-profile.sh) as text for RESULTS.md: the
 * process's CPU while recording (jdk.CPULoad, in ms of CPU per second), and its execution samples by thread group,
 * by package on top, by method on top and by our own methods inclusive; and the throwables the JVM created per second
 * (jdk.ExceptionStatistics), each of which filled a stack trace: a cost the samples do not show as such. Samples only
 * see threads running Java code: GC, JIT and time in native I/O are in the CPU figure, not in the samples.
 */
@Command(name = "jfr-summary", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Where each JVM of the stack spends its CPU, from JFR recordings (.jfr files).")
public final class JfrSummary implements Callable<Integer> {

    @Parameters(paramLabel = "RECORDING", arity = "1..*", description = "JFR files, e.g. perf/target/profile-*/load-ingest.jfr")
    List<Path> recordings;

    @Option(names = "--top", defaultValue = "12", description = "Rows per table. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--package-depth", defaultValue = "3", description = "Package segments per group. Default: ${DEFAULT-VALUE}.")
    int packageDepth;

    @Option(names = "--own", defaultValue = "votes.", description = "Our code's package prefix. Default: ${DEFAULT-VALUE}.")
    String ownPackage;

    public static void main(String[] args) {
        System.exit(CliErrors.run(new JfrSummary(), args));
    }

    @Override
    public Integer call() throws Exception {
        for (Path recording : recordings) {
            summarise(recording);
        }
        return 0;
    }

    private void summarise(Path recording) throws Exception {
        SampleTally tally = new SampleTally(packageDepth, ownPackage);
        List<Double> cpu = new ArrayList<>();
        Throwables throwables = new Throwables();
        // jdk.CPULoad is a share of the whole machine: its hardware threads, not the threads this tool may use.
        int cores = Runtime.getRuntime().availableProcessors();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    tally.add(threadName(event.getThread("sampledThread")), frames(event.getStackTrace()));
                } else if (type.equals("jdk.CPUInformation")) {
                    cores = event.getInt("hwThreads");
                } else if (type.equals("jdk.CPULoad")) {
                    cpu.add(event.getDouble("jvmUser") + event.getDouble("jvmSystem"));
                } else if (type.equals("jdk.ExceptionStatistics")) {
                    throwables.add(event.getStartTime(), event.getLong("throwables"));
                }
            }
        }
        double msPerSecond = cpu.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN) * cores * 1000;
        System.out.printf(Locale.ROOT, "%n## %s: %d samples, process CPU %.1f ms/s (mean of %d jdk.CPULoad, %d hardware threads), %s%n",
                recording.getFileName(), tally.samples(), msPerSecond, cpu.size(), cores, throwables);
        table("thread group", tally.threads(top), tally.samples());
        table("package on top", tally.packages(top), tally.samples());
        table("package anywhere on the stack (inclusive)", tally.packagesInclusive(top), tally.samples());
        table("method on top (self)", tally.selfMethods(top), tally.samples());
        table("our method, inclusive", tally.ownInclusive(top), tally.samples());
    }

    private static void table(String what, List<Map.Entry<String, Long>> rows, long samples) {
        System.out.printf("%n| %s | samples | %% |%n|---|---|---|%n", what);
        rows.forEach(row -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f |%n", row.getKey(), row.getValue(),
                samples == 0 ? 0.0 : 100.0 * row.getValue() / samples));
    }

    private static String threadName(RecordedThread thread) {
        return thread == null ? null : thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }

    private static List<String> frames(RecordedStackTrace stack) {
        if (stack == null) {
            return List.of();
        }
        List<String> frames = new ArrayList<>(stack.getFrames().size());
        for (RecordedFrame frame : stack.getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        return frames;
    }
}
