package votes.ingest.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import votes.infra.redis.RedisBinary;
import votes.infra.redis.RedisServer;
import votes.infra.test.LocalStackResource;
import votes.infra.test.TestStack;
import votes.ingest.poll.PollCache;

/**
 * Redis down: the shipped limits still bite, kept in this instance; the gauge says degraded and one WARN says so;
 * Redis started (with the stack's login) → the fast path recovers, the gauge drops, one WARN says that too.
 */
@QuarkusTest
@TestProfile(AbuseProfiles.ShippedLimits.class)
@WithTestResource(value = IngestStackResource.class, initArgs = @ResourceArg(name = "dead", value = "redis-until-started"))
class RedisFallbackIT {

    private static final String HEALTH_LOGGER = "votes.ingest.fastpath.FastPathHealth";

    @Inject
    PollCache polls;

    private Process redis;

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @Test
    void withRedisDownTheLimitsAreKeptInProcessAndTheStateChangesAreToldOnce() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(HEALTH_LOGGER).addHandler(capture);
        try {
            String pollId = IngestFixture.openPoll(polls);
            String address = "198.18.3." + (1 + (int) (Math.random() * 250));
            for (int i = 0; i < 5; i++) {
                Response accepted = ShippedLimitsIT.vote(pollId, address);
                assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
            }
            ShippedLimitsIT.assertRefusedBy(ShippedLimitsIT.vote(pollId, address), "address");
            assertThat(metrics()).containsPattern("ingest_fast_path_degraded(\\{[^}]*})? 1\\.0")
                    .containsPattern("votes_rate_limited_total\\{[^}]*key=\"address\"[^}]*} [1-9]");
            assertThat(warnings).filteredOn(w -> w.contains("degraded")).hasSize(1);

            redis = startRedis(Integer.getInteger(IngestStackResource.LATER_REDIS_PORT));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ShippedLimitsIT.vote(pollId, "198.19." + (int) (Math.random() * 250) + ".1");
                assertThat(metrics()).containsPattern("ingest_fast_path_degraded(\\{[^}]*})? 0\\.0");
            });
            assertThat(warnings).filteredOn(w -> w.contains("degraded")).hasSize(1);
            assertThat(warnings).filteredOn(w -> w.contains("recovered")).hasSize(1);
        } finally {
            Logger.getLogger(HEALTH_LOGGER).removeHandler(capture);
        }
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Process startRedis(int port) throws Exception {
        TestStack stack = LocalStackResource.stack();
        Path dir = Files.createTempDirectory(Path.of("target"), "later-redis");
        return new ProcessBuilder(RedisServer.arguments(RedisBinary.locate(stack.settings().home()), port, dir,
                RedisServer.aclFile(stack.settings())))
                .redirectOutput(new File("/dev/null")).redirectErrorStream(true).start();
    }
}
