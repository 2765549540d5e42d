package votes.infra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void voteSubmissionGoesToIngest() {
        assertThat(Routes.route("/api/v1/polls/p-1/votes")).isEqualTo(Upstream.INGEST);
        assertThat(Routes.route("/api/v1/polls/p-1/votes?x=1")).isEqualTo(Upstream.INGEST);
    }

    @Test
    void logoutsGoToIngestWhichWritesTheDenyList() {
        assertThat(Routes.route("/api/v1/sessions/logout")).isEqualTo(Upstream.INGEST);
        assertThat(Routes.route("/api/v1/sessions/backchannel-logout")).isEqualTo(Upstream.INGEST);
        assertThat(Routes.route("/api/v1/sessions/a/b")).isEqualTo(Upstream.LEDGER);
    }

    @Test
    void resultsAndTheirStreamGoToRealtime() {
        assertThat(Routes.route("/api/v1/polls/p-1/results")).isEqualTo(Upstream.REALTIME);
        assertThat(Routes.route("/api/v1/polls/p-1/results/stream")).isEqualTo(Upstream.REALTIME);
    }

    @Test
    void restOfTheApiGoesToTheLedger() {
        assertThat(Routes.route("/api/v1/polls")).isEqualTo(Upstream.LEDGER);
        assertThat(Routes.route("/api/v1/polls/p-1")).isEqualTo(Upstream.LEDGER);
        assertThat(Routes.route("/api/v1/polls/p-1/close")).isEqualTo(Upstream.LEDGER);
        assertThat(Routes.route("/api/v1/receipts/r-1")).isEqualTo(Upstream.LEDGER);
        assertThat(Routes.route("/api/v1/polls/p-1/votes/extra")).isEqualTo(Upstream.LEDGER);
    }

    @Test
    void pagesGoToRealtime() {
        assertThat(Routes.route("/")).isEqualTo(Upstream.REALTIME);
        assertThat(Routes.route("/index.html")).isEqualTo(Upstream.REALTIME);
        assertThat(Routes.route("/apiary")).isEqualTo(Upstream.REALTIME);
    }

    @Test
    void onlyAGetOfAResultsStreamIsRelayed() {
        assertThat(Routes.isResultsStream("GET", "/api/v1/polls/p-1/results/stream")).isTrue();
        assertThat(Routes.isResultsStream("GET", "/api/v1/polls/p-1/results/stream?x=1")).isTrue();
        assertThat(Routes.isResultsStream("POST", "/api/v1/polls/p-1/results/stream")).isFalse();
        assertThat(Routes.isResultsStream("GET", "/api/v1/polls/p-1/results")).isFalse();
        assertThat(Routes.isResultsStream("GET", "/api/v1/polls/p-1/results/stream/more")).isFalse();
    }

    @Test
    void upstreamsComeFromTheEnvironment() {
        GatewayConfig config = GatewayConfig.fromEnv(GatewayConfig.env(18080, 18081, 18082, 18083));
        assertThat(config.port()).isEqualTo(18080);
        assertThat(config.upstreams().get(Upstream.INGEST)).hasToString("http://127.0.0.1:18081");
        assertThat(config.upstreams().get(Upstream.LEDGER)).hasToString("http://127.0.0.1:18082");
        assertThat(config.upstreams().get(Upstream.REALTIME)).hasToString("http://127.0.0.1:18083");
    }

    @Test
    void aServicesOwnEndpointsAreInternalHoweverThePathIsSpelled() {
        assertThat(Routes.isServiceInternal("/q/metrics")).isTrue();
        assertThat(Routes.isServiceInternal("/q/openapi")).isTrue();
        assertThat(Routes.isServiceInternal("/q")).isTrue();
        assertThat(Routes.isServiceInternal("/q;x=1/metrics")).isTrue();
        assertThat(Routes.isServiceInternal("/api/../q/metrics")).isTrue();
        assertThat(Routes.isServiceInternal("//q/metrics")).isTrue();
        assertThat(Routes.isServiceInternal("/%71/health")).isTrue();
        assertThat(Routes.isServiceInternal("/api/%2e%2e/q/dev-ui")).isTrue();
    }

    @Test
    void pagesAndTheApiAreNotInternal() {
        assertThat(Routes.isServiceInternal("/")).isFalse();
        assertThat(Routes.isServiceInternal("/quiz.html")).isFalse();
        assertThat(Routes.isServiceInternal("/api/v1/polls/q/results")).isFalse();
    }
}
