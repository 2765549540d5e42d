package votes.realtime.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
        await("ready and caught up").atMost(Duration.ofSeconds(30)).untilAsserted(ReadinessIT::assertReadyAndCaughtUp);

        Component kafka = LocalStackResource.stack().localStack().require("kafka");
        kafka.kill9();
        try {
            await("not ready without a broker").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
        } finally {
            kafka.start();
        }
        await("ready again once the broker is back").atMost(Duration.ofSeconds(60))
                .untilAsserted(ReadinessIT::assertReadyAndCaughtUp);
    }

    private static void assertReadyAndCaughtUp() {
        given().get("/q/health/ready").then().statusCode(200).body(CAUGHT_UP, equalTo("UP"));
    }
}
