package votes.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.launcher.LocalStack;
import votes.infra.redis.acl.RedisLogin;
import votes.infra.stack.Component;
import votes.infra.stack.StackSettings;

/** The launcher's Redis, as ./vote up starts it, on a free port under target/: nothing runs without AUTH. */
class RedisServerIT {

    private static final String NOAUTH = "-NOAUTH Authentication required.";
    private static final Duration IDLE_LOOK = Duration.ofSeconds(3);
    /** Redis' own default for {@code hz}, what the stack's Redis would tick without {@code --hz}. */
    private static final int REDIS_DEFAULT_TICKS_PER_SECOND = 10;

    static StackSettings settings;
    static Component redis;

    @BeforeAll
    static void start() {
        Path home = Path.of("target", "redis-auth-" + ProcessHandle.current().pid()).toAbsolutePath();
        settings = StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of("")));
        redis = new LocalStack(settings, note -> System.err.println("[redis-auth] " + note)).require("redis");
        redis.start();
    }

    @AfterAll
    static void stop() {
        redis.stop();
    }

    @Test
    void withoutThePasswordEveryCommandAnswersNoauth() throws IOException {
        assertThat(replies(RedisPing.command("PING"))).containsExactly(NOAUTH);
        assertThat(replies(RedisPing.command("SET", "k", "v"), RedisPing.command("GET", "k")))
                .containsExactly(NOAUTH, NOAUTH);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneGetsPong() throws IOException {
        RedisLogin login = RedisLogin.of(settings.secrets());
        assertThat(replies(RedisPing.command("AUTH", login.user(), "votes"), RedisPing.command("PING")))
                .containsExactly("-WRONGPASS invalid username-password pair or user is disabled.", NOAUTH);
        assertThat(replies(RedisPing.command("AUTH", "default", login.password()), RedisPing.command("PING")))
                .containsExactly("-WRONGPASS invalid username-password pair or user is disabled.", NOAUTH);
        assertThat(replies(RedisPing.command("AUTH", login.user(), login.password()), RedisPing.command("PING")))
                .containsExactly("+OK", "+PONG");
        assertThat(RedisPing.ping(settings.ports().redis(), login)).isTrue();
        assertThat(RedisPing.ping(settings.ports().redis(), new RedisLogin(login.user(), "votes"))).isFalse();
    }

    @Test
    void theServicesUserRunsWhatTheServicesSendButNothingDangerous() throws IOException {
        RedisLogin login = RedisLogin.of(settings.secrets());
        byte[] auth = RedisPing.command("AUTH", login.user(), login.password());
        assertThat(replies(auth, RedisPing.command("SET", "redis-it", "v", "EX", "60"), RedisPing.command("GET", "redis-it"),
                RedisPing.command("EVAL", "return redis.call('INCR', KEYS[1])", "1", "redis-it-n"),
                RedisPing.command("SCRIPT", "LOAD", "return 1")))
                .containsExactly("+OK", "+OK", "$1", ":1", "$40");
        List<byte[]> dangerous = List.of(RedisPing.command("FLUSHALL"), RedisPing.command("KEYS", "*"),
                RedisPing.command("CONFIG", "GET", "aclfile"), RedisPing.command("DEBUG", "SLEEP", "0"),
                RedisPing.command("SHUTDOWN"), RedisPing.command("ACL", "LIST"));
        for (byte[] command : dangerous) {
            assertThat(replies(auth, command).get(1)).as(new String(command, StandardCharsets.UTF_8))
                    .startsWith("-NOPERM");
        }
        assertThat(redis.isUp()).isTrue();
    }

    @Test
    void idleItWakesAboutOnceASecondNotTenTimes() throws Exception {
        // INFO and CONFIG are beyond the services user, and Redis rewrites its command line: its wake-ups tell.
        Path status = Path.of("/proc", Long.toString(redis.pid().orElseThrow()), "status");
        long before = voluntarySwitches(status);
        Thread.sleep(IDLE_LOOK.toMillis());
        long wakeUps = voluntarySwitches(status) - before;
        // Redis' default would wake it ~30 times in the look; one tick a second ~3.
        assertThat(wakeUps).isLessThan(IDLE_LOOK.toSeconds() * REDIS_DEFAULT_TICKS_PER_SECOND / 2);
    }

    private static long voluntarySwitches(Path status) throws IOException {
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).sum();
    }

    @Test
    void theAclFileHoldsAHashNotThePasswordAndOnlyItsOwnerReadsIt() throws IOException {
        Path acl = settings.secretsDir().resolve("redis-users.acl");
        String content = Files.readString(acl);
        assertThat(content).doesNotContain(RedisLogin.of(settings.secrets()).password()).startsWith("user default off");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(acl))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                settings.secretsDir().resolve(RedisLogin.SECRET)))).isEqualTo("rw-------");
    }

    /** Sends the commands on one connection and reads one reply line each (simple replies, bulk headers). */
    private static List<String> replies(byte[]... commands) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", settings.ports().redis()), 2000);
            socket.setSoTimeout(5000);
            for (byte[] command : commands) {
                socket.getOutputStream().write(command);
            }
            InputStream in = socket.getInputStream();
            List<String> lines = new ArrayList<>();
            while (lines.size() < commands.length) {
                String line = line(in);
                if (line.startsWith("$") && !line.equals("$-1")) {
                    line(in); // the bulk string's body: its length says enough here
                }
                lines.add(line);
            }
            return lines;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
