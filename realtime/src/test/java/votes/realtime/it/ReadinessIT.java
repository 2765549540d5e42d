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

    private static final String CAUGHT_UP = "checks.find { it.name == 'vote-tallies caught up' }.status";

    @Test
    void readyOnlyWhileTheBrokerAnswersAndOnceTalliesAreCaughtUp() {
        TallyFixture.publish(TallyFixture.newPollId(), 0, 0, 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(CAUGHT_UP, equalTo("UP")));

        Component kafka = LocalStackResource.stack().localStack().require("kafka");
        kafka.kill9();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503));
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(CAUGHT_UP, equalTo("UP")));
    }
}
