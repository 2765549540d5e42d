package votes.infra.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String... more) throws Exception {
        Path cert = Files.writeString(dir.resolve("server.pem"), "cert");
        Path key = Files.writeString(dir.resolve("key.pem"), "key");
        Map<String, String> env = new java.util.HashMap<>(Map.of("TLS_CERT_FILE", cert.toString(),
                "TLS_KEY_FILE", key.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void withoutACertificateTheGatewayHasNoHttpsPort() {
        assertThat(TlsSettings.fromEnv(Map.of("HTTPS_PORT", "8443"))).isEmpty();
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedNamingTheMissingSetting() throws Exception {
        Map<String, String> env = env();
        env.remove("TLS_KEY_FILE");

        assertThatThrownBy(() -> TlsSettings.fromEnv(env)).hasMessageContaining("TLS_KEY_FILE");
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        assertThatThrownBy(() -> TlsSettings.fromEnv(env("TLS_KEY_FILE", dir.resolve("nope.pem").toString())))
                .hasMessageContaining("nope.pem");
    }

    @Test
    void theHttpsServerSpeaksTls13OnlyOnItsOwnPortKeepingTheSharedOptions() throws Exception {
        TlsSettings tls = TlsSettings.fromEnv(env("HTTPS_PORT", "18443")).orElseThrow();
        HttpServerOptions shared = new HttpServerOptions().setHost("127.0.0.1").setPort(18080).setIdleTimeout(7);

        HttpServerOptions secure = tls.secure(shared);

        assertThat(secure.isSsl()).isTrue();
        assertThat(secure.getEnabledSecureTransportProtocols()).containsExactly("TLSv1.3");
        assertThat(secure.getPort()).isEqualTo(18443);
        assertThat(secure.getHost()).isEqualTo("127.0.0.1");
        assertThat(secure.getIdleTimeout()).isEqualTo(7);
        assertThat(shared.isSsl()).isFalse();
    }

    @Test
    void hstsLastsAYearByDefaultAndIsConfigurable() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        TlsSettings.fromEnv(env()).orElseThrow().markSecure(headers);
        assertThat(headers.get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(TlsSettings.fromEnv(env()).orElseThrow().port()).isEqualTo(8443);

        TlsSettings.fromEnv(env("GATEWAY_HSTS_MAX_AGE", "1h")).orElseThrow().markSecure(headers);
        assertThat(headers.get("Strict-Transport-Security")).isEqualTo("max-age=" + Duration.ofHours(1).toSeconds());
    }
}
