package votes.system.fault;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.test.VoteStackExtension;

/**
 * Issue 8, item 7, on the three-broker stack (Failsafe runs this class in a JVM of its own with
 * {@code -Dvotes.test-stack.brokers=3}): one broker of three {@code kill -9}ed under load and restarted loses no
 * vote, counts none twice, and answers no 503 at all (replication factor 3, {@code min.insync.replicas=2}).
 */
class ThreeBrokerFaultsIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();
    static final FaultSuite SUITE = new FaultSuite(STACK);

    @Test
    void oneBrokerOfThreeKilledAnswersNo503AndLosesNoVote() throws Exception {
        SUITE.runs(new Kill9("kafka-2", Duration.ofSeconds(5), false));
    }

    @AfterAll
    static void theAuditReplayHoldsAfterTheFault() {
        SUITE.close("fault-table-three-brokers");
    }
}
