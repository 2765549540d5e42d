package votes.infra.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import votes.infra.redis.acl.RedisLogin;
import votes.infra.stack.Detached;
import votes.infra.stack.ManagedProcess;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;

/**
 * Redis without persistence: it is only a fast path and may be lost without harm (the ledger decides). One ACL
 * user with a generated password ({@link RedisLogin}); the default user is off, so no command runs without AUTH.
 */
public final class RedisServer extends ManagedProcess {

    /**
     * Redis' background clock, in ticks a second (its default is 10). Idle, each tick is a wake-up: ten a second cost
     * ~2 ms/s of CPU on a 2-core EPYC, one ~0.2 (perf/RESULTS.md, "Redis' idle clock"). What the ticks do for this
     * Redis: purge expired keys no one reads (a read expires a key by itself, so no limit or dedupe answer changes)
     * and look at clients; the slow expiry cycle may spend a quarter of each second either way, now in one slice of up
     * to 250 ms rather than ten of 25, which only a mass of keys expiring at once would make long: the local stack's
     * rates never build one. k8s/ keeps Redis' default.
     */
    static final int TICKS_PER_SECOND = 1;

    public RedisServer(StackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String label() {
        return "Redis";
    }

    @Override
    public int port() {
        return settings.ports().redis();
    }

    @Override
    public boolean isUp() {
        return super.isUp() && RedisPing.ping(port(), login());
    }

    @Override
    protected String launch() {
        Path binary = RedisBinary.locate(settings.home());
        Path dir = settings.dataDir(name());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process = Detached.start(arguments(binary, port(), dir, aclFile(settings)), settings.logFile(name()), dir,
                Map.of());
        record(process.pid());
        RedisLogin login = login();
        if (!Probes.await(Duration.ofSeconds(20), process.toHandle(), () -> RedisPing.ping(port(), login))) {
            throw failed(process.isAlive() ? "does not answer PING on port " + port() : "exited at start");
        }
        return "up on 127.0.0.1:" + port() + " (" + binary.getFileName() + ", ACL user " + login.user() + ")";
    }

    /** The command line of a Redis like the stack's (a fault test starts one behind a proxy); no password in it. */
    public static List<String> arguments(Path binary, int port, Path dir, Path aclFile) {
        return List.of(binary.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(port), "--save", "",
                "--appendonly", "no", "--daemonize", "no", "--hz", Integer.toString(TICKS_PER_SECOND),
                "--dir", dir.toString(), "--aclfile", aclFile.toString());
    }

    /** The stack's ACL file (0600 under .vote/secrets/), written from its secret at every start. */
    public static Path aclFile(StackSettings settings) {
        return settings.secrets().writePrivate("redis-users.acl", RedisLogin.of(settings.secrets()).aclFile());
    }

    private RedisLogin login() {
        return RedisLogin.of(settings.secrets());
    }
}
