package votes.ingest.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import votes.infra.test.LocalStackResource;
import votes.infra.test.TestStack;

/**
 * The real stack (LocalStackResource, shared by every test application of the JVM) as ingest's ITs want it: the ledger is not running (its URL points at
 * a port where nothing listens), and with init arg {@code dead=kafka} or {@code dead=redis} ingest is pointed
 * at a port where nothing listens for that part instead of the real server. Init arg {@code deadline} sets the
 * request deadline (here, not in a test profile: a test resource's config outranks a profile's); init arg
 * {@code warm-up-votes} turns the warm-up before readiness on (the suite's env turns it off). Classes name it with
 * {@code @WithTestResource}: those with the same profile and init args then share one application (its scope,
 * matching resources), where a class-restricted resource gave each class an application of its own to build and start.
 */
public class IngestStackResource implements QuarkusTestResourceLifecycleManager {

    /** The port of a Redis that is down until the test starts it (dead = redis-until-started). */
    static final String LATER_REDIS_PORT = "votes.test.later-redis-port";

    private String dead = "";
    private String deadline = "";
    private String warmUpVotes = "";

    @Override
    public void init(Map<String, String> initArgs) {
        dead = initArgs.getOrDefault("dead", "");
        // A cold test JVM on a loaded machine takes over a second for its first vote: not what these tests are about.
        deadline = initArgs.getOrDefault("deadline", "10s");
        warmUpVotes = initArgs.getOrDefault("warm-up-votes", "");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(LocalStackResource.stack().quarkusConfig());
        config.keySet().removeIf(key -> key.startsWith("quarkus.datasource.")); // ingest has no database
        // The build machine is shared and often loaded (1 s was overrun at a load average of 20): a fast path
        // skipped for slowness would make the 409/429 rows flaky. Slowness is not what these tests are about.
        config.put("vote.redis.timeout", "5s");
        config.put("vote.overload.deadline", deadline);
        config.put("quarkus.rest-client.ledger.url", "http://127.0.0.1:" + IngestFixture.deadPort());
        if (!warmUpVotes.isEmpty()) {
            config.put("vote.warm-up.votes", warmUpVotes);
        }
        if (dead.equals("kafka")) {
            // Only the producer: the poll cache still reads the real broker, so polls exist and only appends fail.
            config.put("mp.messaging.outgoing.votes-submitted.bootstrap.servers", "127.0.0.1:" + IngestFixture.deadPort());
        }
        if (dead.equals("redis")) {
            config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + IngestFixture.deadPort());
        }
        if (dead.equals("redis-until-started")) {
            // Down at start, on a port the test may start a Redis on (with the stack's login) to bring it back.
            int port = IngestFixture.deadPort();
            System.setProperty(LATER_REDIS_PORT, Integer.toString(port));
            TestStack stack = LocalStackResource.stack();
            config.put("quarkus.redis.hosts",
                    stack.redisUrl().replace(":" + stack.settings().ports().redis(), ":" + port));
        }
        return config;
    }

    @Override
    public void stop() {
    }
}
