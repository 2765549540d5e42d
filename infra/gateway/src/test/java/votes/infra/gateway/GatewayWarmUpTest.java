package votes.infra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up's requests go through a copy of the gateway to a stand-in in this process, never to a real upstream. */
class GatewayWarmUpTest {

    @Test
    void everyWarmUpRequestIsAnsweredThroughTheCopyAndNoRealUpstreamSeesOne() throws Exception {
        try (RecordingUpstream upstream = RecordingUpstream.start()) {
            GatewayConfig config = GatewayConfig.fromEnv(GatewayConfig.env(RunningGateway.freePort(), upstream.port(),
                    upstream.port(), upstream.port()));

            Map<Integer, Long> statuses = new GatewayWarmUp(config, 200).run();

            assertThat(statuses).as("the warm-up's answers, by status").isEqualTo(Map.of(202, 200L));
            assertThat(upstream.seen()).as("requests the configured upstreams got").isEmpty();
        }
    }

    @Test
    void noRequestsMeansNoWarmUp() {
        GatewayConfig config = GatewayConfig.fromEnv(GatewayConfig.env(RunningGateway.freePort(), 1, 1, 1));

        assertThat(new GatewayWarmUp(config, 0).run()).isEmpty();
    }
}
