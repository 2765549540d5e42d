package votes.realtime.it;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import votes.infra.stack.Component;
import votes.infra.test.LocalStackResource;

/**
 * Readiness says whether this instance can serve true results: the broker answers, and vote-tallies has been read
 * to where it ended when the instance started (issue 8). A dead broker takes the instance out of rotation; its
 * return puts it back.
 */
@QuarkusTest
@QuarkusTestResource(RealtimeStackResource.class)
class ReadinessIT {

    private static final String CAUGHT_UP = "checks.find { it.name == 'vote-tallies readable and caught up' }.status";

    @Test
    void readyOnlyWhileTheBrokerAnswersAndOnceTalliesAreCaughtUp() {
        TallyFixture.publish(TallyFixture.newPollId(), 0, 0, 0);
        TallyFixture.await("ready and caught up", Duration.ofSeconds(30), ReadinessIT::readyAndCaughtUp);

        Component kafka = LocalStackResource.stack().localStack().require("kafka");
        kafka.kill9();
        try {
            TallyFixture.await("not ready without a broker", Duration.ofSeconds(30),
                    () -> given().get("/q/health/ready").statusCode() == 503);
        } finally {
            kafka.start();
        }
        TallyFixture.await("ready again once the broker is back", Duration.ofSeconds(60), ReadinessIT::readyAndCaughtUp);
    }

    private static boolean readyAndCaughtUp() {
        var ready = given().get("/q/health/ready");
        return ready.statusCode() == 200 && "UP".equals(ready.jsonPath().getString(CAUGHT_UP));
    }
}
