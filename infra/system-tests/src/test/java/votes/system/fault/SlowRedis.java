package votes.system.fault;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import votes.infra.redis.RedisBinary;
import votes.infra.redis.RedisPing;
import votes.infra.redis.RedisServer;
import votes.infra.redis.acl.RedisLogin;
import votes.infra.stack.Probes;
import votes.infra.stack.StackPorts;
import votes.infra.stack.StackSettings;

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
        StackSettings settings = scene.stack().stack().settings();
        int port = settings.ports().redis();
        int behind = StackPorts.freePort();
        Path binary = RedisBinary.locate(settings.home());
        // The stack's own ACL: the services reconnect through the proxy with the stack's Redis user and password.
        slowRedis = new ProcessBuilder(RedisServer.arguments(binary, behind, settings.dataDir("redis"),
                RedisServer.aclFile(settings)))
                .redirectOutput(new File("/dev/null")).redirectErrorStream(true).start();
        RedisLogin login = RedisLogin.of(settings.secrets());
        if (!Probes.await(Duration.ofSeconds(20), slowRedis.toHandle(), () -> RedisPing.ping(behind, login))) {
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
