package votes.system.fault;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;

/**
 * Issue 8, item 7, on the one-broker stack: under open-model load with distinct voters every fault below is
 * injected, healed, and then no accepted vote is lost, none counted twice, results API = SSE = SQL; the suite ends
 * with {@code audit replay} over the whole log (exit 0). CI runs each fault once at a light rate; {@code
 * perf/run-faults.sh} runs each at least three times and writes the table of infra/README.md. The three-broker case
 * is {@link ThreeBrokerFaultsIT} (a JVM of its own, started with three Kafka nodes).
 */
// First of the suite's classes (junit-platform.properties): Keycloak's first start runs beside it.
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration BRIEF = Duration.ofSeconds(2);

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();
    static final FaultSuite SUITE = new FaultSuite(STACK);

    @Test
    @Order(1)
    void ingestKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("ingest", BRIEF));
    }

    @Test
    @Order(2)
    void ledgerKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("ledger", BRIEF));
    }

    @Test
    @Order(3)
    void relayKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("cdc-relay", BRIEF));
    }

    @Test
    @Order(4)
    void projectionsKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("projections", BRIEF));
    }

    @Test
    @Order(5)
    void realtimeKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("realtime", BRIEF));
    }

    @Test
    @Order(6)
    void gatewayKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("gateway", BRIEF));
    }

    @Test
    @Order(7)
    void theOnlyBrokerKilledAndRestartedLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("kafka", Duration.ofSeconds(5)));
    }

    @Test
    @Order(8)
    void postgresKilledForThirtySecondsLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("postgres", Duration.ofSeconds(30)));
    }

    @Test
    @Order(9)
    void redisKilledLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Kill9("redis", BRIEF));
    }

    @Test
    @Order(10)
    void redisAnswering100MillisecondsLateLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new SlowRedis(Duration.ofMillis(100), Duration.ofSeconds(5)));
    }

    @Test
    @Order(11)
    void poisonMidLoadIsDeadLetteredAndStallsNothing() throws Exception {
        SUITE.runs(new PoisonMidLoad());
    }

    @Test
    @Order(12)
    void overloadIsAnsweredAndLosesNoAcceptedVote() throws Exception {
        SUITE.runs(new Overload(Duration.ofSeconds(4)), new FaultRun.Load(FaultSuite.OVERLOAD_RATE, Duration.ZERO,
                Duration.ZERO, 512, FaultSuite.CLIENTS));
    }

    @AfterAll
    static void theAuditReplayHoldsAfterEveryFault() {
        SUITE.close("fault-table");
    }
}
