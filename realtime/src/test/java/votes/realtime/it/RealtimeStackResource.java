package votes.realtime.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import votes.infra.test.LocalStackResource;

/** The real stack (only Kafka matters to realtime) with {@code vote-tallies} created as the contract says. */
public class RealtimeStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // Kafka's clients load plug-ins (JmxReporter…) through the context class loader; here that is the
        // Quarkus app's, which has its own kafka-clients copy. Use the one that loaded the stack's classes.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(LocalStackResource.class.getClassLoader());
        try {
            Map<String, String> config = new LinkedHashMap<>(new LocalStackResource().start());
            config.keySet().removeIf(key -> key.startsWith("quarkus.datasource.") || key.startsWith("quarkus.redis.")
                    || key.startsWith("mp.jwt."));
            TallyFixture.ensureTopic();
            return config;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public void stop() {
    }
}
