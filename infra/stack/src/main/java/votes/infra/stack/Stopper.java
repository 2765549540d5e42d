package votes.infra.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process by PID: a polite signal, then SIGKILL (with its descendants) after a grace period. */
public final class Stopper {

    private Stopper() {
    }

    /** @return true if something was running and is now gone. */
    public static boolean stop(long pid, String politeSignal, Duration grace) {
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle == null || !handle.isAlive()) {
            return false;
        }
        List<ProcessHandle> descendants = handle.descendants().toList();
        signal(pid, politeSignal);
        if (!Probes.await(grace, null, () -> !handle.isAlive())) {
            kill9(pid);
        }
        // Children of a killed server (PostgreSQL backends, for instance) must not linger.
        descendants.forEach(child -> {
            if (child.isAlive()) {
                Probes.await(Duration.ofSeconds(2), null, () -> !child.isAlive());
                child.destroyForcibly();
            }
        });
        return true;
    }

    public static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroyForcibly();
            Probes.await(Duration.ofSeconds(5), null, () -> !handle.isAlive());
        });
    }

    /** ProcessHandle only knows TERM and KILL; PostgreSQL's fast shutdown needs INT. */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
