package votes.infra.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * For {@code @QuarkusTestResource(LocalStackResource.class)}: real Kafka, PostgreSQL and Redis (not the
 * services) on free ports, once per JVM, wired in through the contract's Quarkus config keys.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    /** The running stack, for tests that talk to Kafka, SQL or Redis directly or need tokens. */
    public static TestStack stack() {
        return TestStack.infrastructure();
    }

    @Override
    public Map<String, String> start() {
        return stack().quarkusConfig();
    }

    /** No-op: the stack is shared by every Quarkus app of the JVM and stopped by a shutdown hook. */
    @Override
    public void stop() {
    }
}
