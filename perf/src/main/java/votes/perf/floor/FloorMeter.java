package votes.perf.floor;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import votes.perf.cost.CpuMeter;
import votes.perf.cost.CpuSample;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.Window;

/**
 * Measures a floor part: this process's CPU (the client: process CPU time, every thread — a Kafka producer's
 * sender thread, a Vert.x event loop) and the server's process tree beyond its idle burn, around one run.
 */
public final class FloorMeter {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final CpuMeter servers;
    private final IdleBurn idle;

    /** {@code servers}: the stack's components by name, {@code idle} their idle burn measured earlier. */
    public FloorMeter(CpuMeter servers, IdleBurn idle) {
        this.servers = servers;
        this.idle = idle;
    }

    /** A measured piece of work. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} ({@code ops} operations) and charges its CPU to the client and to {@code server} (null: none). */
    public FloorCost measure(String part, String how, long ops, String server, Work work) throws Exception {
        CpuSample before = servers.sample();
        long client0 = OS.getProcessCpuTime();
        work.run();
        long client1 = OS.getProcessCpuTime();
        Window window = new Window(before, servers.sample());
        double serverMicros = server == null ? Double.NaN : window.micros(server) - idle.of(server) * window.seconds();
        return new FloorCost(part, how, ops, (client1 - client0) / 1e3, serverMicros);
    }
}
