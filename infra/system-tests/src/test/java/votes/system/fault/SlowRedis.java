package votes.system.fault;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import votes.infra.redis.RedisBinary;
import votes.infra.redis.RedisPing;
import votes.infra.stack.Probes;
import votes.infra.stack.StackPorts;

/**
 * Redis answering {@code delay} late: the stack's Redis is replaced, on its own port, by a {@link LatencyProxy} in
 * front of a fresh redis-server, so every service's connections (re-established after the kill) go through the
 * delay; afterwards the real Redis is back on its port. Redis keeps nothing on disk here, so the fast path starts
 * empty both times: duplicates meet the ledger's unique constraint, as they must.
 */
final class SlowRedis implements Fault {

    private final Duration delay;
    private final Duration hold;
    private Process slowRedis;
    private LatencyProxy proxy;

    SlowRedis(Duration delay, Duration hold) {
        this.delay = delay;
        this.hold = hold;
    }

    @Override
    public String name() {
        return "Redis " + delay.toMillis() + " ms late";
    }

    @Override
    public Duration hold() {
        return hold;
    }

    @Override
    public void inject(Scene scene) throws Exception {
        int port = scene.stack().stack().settings().ports().redis();
        int behind = StackPorts.freePort();
        Path binary = RedisBinary.locate(scene.stack().stack().settings().home());
        slowRedis = new ProcessBuilder(List.of(binary.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(behind), "--save", "", "--appendonly", "no"))
                .redirectOutput(new File("/dev/null")).redirectErrorStream(true).start();
        if (!Probes.await(Duration.ofSeconds(20), slowRedis.toHandle(), () -> RedisPing.ping(behind))) {
            throw new IllegalStateException("the Redis behind the latency proxy did not start on " + behind);
        }
        scene.stack().kill9("redis");
        proxy = new LatencyProxy(port, behind, delay);
    }

    @Override
    public void recover(Scene scene) throws Exception {
        proxy.close();
        slowRedis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        scene.stack().start("redis");
    }
}
