package votes.infra.test;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import votes.events.key.VoterIds;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.launcher.LocalStack;
import votes.infra.service.ServiceProcess;
import votes.infra.service.ServiceSpec;
import votes.infra.stack.Component;
import votes.infra.stack.Probes;

/**
 * End-to-end tests: the whole stack (infrastructure, services from their built jars, gateway) as real
 * processes, once per JVM. Use {@code @RegisterExtension static VoteStackExtension stack = new VoteStackExtension();}
 */
public class VoteStackExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
    }

    public TestStack stack() {
        return TestStack.infrastructure().withServices();
    }

    /** The pseudonyms the stack's services make: under its generated VOTER_ID_KEY, never a public one. */
    public VoterIds voterIds() {
        return new VoterIds(stack().settings().voterIdKey());
    }

    /** The gateway's origin, e.g. http://127.0.0.1:41234 */
    public String url() {
        return stack().gatewayUrl();
    }

    public String token(String sub, String... groups) {
        return stack().token(sub, groups);
    }

    public String jdbcUrl() {
        return stack().jdbcUrl();
    }

    public String kafkaBootstrap() {
        return stack().kafkaBootstrap();
    }

    /** The stack's Kafka admin login (bootstrap + SASL), see {@link TestStack#kafkaClientProperties()}. */
    public Map<String, Object> kafkaClientProperties() {
        return stack().kafkaClientProperties();
    }

    /** The principal's client properties file, see {@link TestStack#kafkaClientConfigFile}. */
    public String kafkaClientConfigFile(KafkaPrincipal principal) {
        return stack().kafkaClientConfigFile(principal);
    }

    public String redisUrl() {
        return stack().redisUrl();
    }

    /**
     * SIGKILL a component (ledger, ingest, gateway, kafka, postgres, redis; kafka-2 and kafka-3 on a three-broker
     * stack, see {@link TestStack#BROKERS_PROPERTY}) and wait until it is gone.
     */
    public void kill9(String component) {
        Component c = stack().localStack().require(component);
        c.kill9();
        long pid = c.pid().orElse(-1);
        if (!Probes.await(Duration.ofSeconds(10), null, () -> !Probes.alive(pid))) {
            throw new IllegalStateException(component + " (pid " + pid + ") survived kill -9");
        }
    }

    /**
     * Stops a component the way {@code ./vote down} does (its polite signal: TERM, INT for PostgreSQL; SIGKILL only
     * after the grace period) and waits until it is gone.
     */
    public void stop(String component) {
        stack().localStack().require(component).stop();
    }

    /** Up and, for a service, ready ({@code /q/health/ready} answers 200). */
    public boolean isUp(String component) {
        return stack().localStack().require(component).isUp();
    }

    /**
     * {@code ./vote down} then {@code ./vote up} on the same data: services and gateway stopped, then Kafka,
     * PostgreSQL and Redis, then everything started again in order (the trace backend first, if it ran). Fails if any component does not come up.
     */
    public void restartEverything() {
        LocalStack local = stack().localStack();
        // The trace backend is not ./vote up's default: back before the services if it ran (TestStack#withTraces).
        boolean traced = local.traces().isUp();
        local.stopAll();
        if (traced) {
            local.traces().start();
        }
        local.up(TestStack.printedSteps("restart "), false);
    }

    /**
     * Runs a service with these variables on top of the stack's (e.g. ingest with {@code VOTE_CHALLENGE=always}):
     * stopped, then started again with the same name and port, so the stack's own {@link #stop} finds it and
     * {@link #start} after that gives the usual service back (do that in an {@code @AfterAll}: the stack is shared).
     */
    public void restartWith(ServiceSpec service, Map<String, String> env) {
        stop(service.name());
        new ServiceProcess(stack().settings(), service, env).start();
    }

    /** Starts a component again if it is down (waits until ready); no-op when it is up. */
    public void start(String component) {
        stack().localStack().require(component).start();
    }

    public long pid(String component) {
        return stack().localStack().require(component).pid()
                .orElseThrow(() -> new IllegalStateException(component + " has no pid"));
    }
}
