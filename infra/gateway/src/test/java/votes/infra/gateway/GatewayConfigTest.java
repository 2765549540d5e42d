package votes.infra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void defaultsFitTheOpenFilesLimitAndKeepStreamsAlive() {
        GatewayConfig config = GatewayConfig.fromEnv(GatewayConfig.env(18080, 18081, 18082, 18083));
        assertThat(config.descriptorBudget()).isLessThan(20_000);
        assertThat(config.streams().heartbeat()).isLessThan(config.clients().idleTimeout());
        assertThat(config.streams().heartbeat()).isLessThanOrEqualTo(Duration.ofSeconds(15)); // the API's promise
        assertThat(config.clients().maxPerClient()).isLessThan(config.clients().maxConnections());
        assertThat(config.eventLoops()).isPositive();
    }

    @Test
    void itListensOnLoopbackUnlessToldOtherwise() {
        Map<String, String> env = new HashMap<>(GatewayConfig.env(18080, 18081, 18082, 18083));
        assertThat(GatewayConfig.fromEnv(env).host()).isEqualTo("127.0.0.1");
        env.put("GATEWAY_HOST", "0.0.0.0");
        assertThat(GatewayConfig.fromEnv(env).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void knobsComeFromGatewayVariables() {
        Map<String, String> env = new HashMap<>(GatewayConfig.env(18080, 18081, 18082, 18083));
        env.put("GATEWAY_MAX_CONNECTIONS", "500");
        env.put("GATEWAY_MAX_CONNECTIONS_PER_CLIENT", "7");
        env.put("GATEWAY_IDLE_TIMEOUT", "2s");
        env.put("GATEWAY_SSE_HEARTBEAT", "300ms");
        env.put("GATEWAY_SSE_RECONNECT_MIN", "50ms");
        env.put("GATEWAY_SSE_GRACE", "1s");
        env.put("GATEWAY_SSE_MAX_POLLS", "3");
        env.put("GATEWAY_UPSTREAM_POOL_SIZE", "4");
        env.put("GATEWAY_EVENT_LOOPS", "1");
        GatewayConfig config = GatewayConfig.fromEnv(env);
        assertThat(config.clients().maxConnections()).isEqualTo(500);
        assertThat(config.clients().maxPerClient()).isEqualTo(7);
        assertThat(config.clients().idleTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.streams().heartbeat()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.streams().backoff().min()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.streams().grace()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.streams().maxPolls()).isEqualTo(3);
        assertThat(config.pools().size()).isEqualTo(4);
        assertThat(config.eventLoops()).isEqualTo(1);
    }

    @Test
    void eachEventLoopGetsItsShareOfAnUpstreamsPoolRoundedUpAndNeverNone() {
        GatewayConfig.UpstreamPools pools = new GatewayConfig.UpstreamPools(512, 128);
        assertThat(pools.perLoop(2)).isEqualTo(new GatewayConfig.UpstreamPools(256, 64));
        assertThat(pools.perLoop(3)).isEqualTo(new GatewayConfig.UpstreamPools(171, 43));
        assertThat(new GatewayConfig.UpstreamPools(1, 0).perLoop(4)).isEqualTo(new GatewayConfig.UpstreamPools(1, 0));
    }

    @Test
    void aHeartbeatNotShorterThanTheIdleTimeoutIsRefused() {
        Map<String, String> env = new HashMap<>(GatewayConfig.env(18080, 18081, 18082, 18083));
        env.put("GATEWAY_IDLE_TIMEOUT", "10s");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_SSE_HEARTBEAT");
    }

    @Test
    void anUnreadableValueIsNamed() {
        Map<String, String> env = new HashMap<>(GatewayConfig.env(18080, 18081, 18082, 18083));
        env.put("GATEWAY_SSE_GRACE", "a while");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(env)).hasMessageContaining("GATEWAY_SSE_GRACE");
        env.remove("GATEWAY_SSE_GRACE");
        env.put("GATEWAY_MAX_CONNECTIONS", "many");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(env)).hasMessageContaining("GATEWAY_MAX_CONNECTIONS");
    }
}
