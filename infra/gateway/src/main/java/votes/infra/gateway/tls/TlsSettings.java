package votes.infra.gateway.tls;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import votes.kit.knob.EnvKnobs;

/**
 * Everything the gateway's HTTPS port is, in one place: where it listens, its certificate and key (PEM files, the
 * form cert-manager's secrets have too, so this record is what an ingress replaces in k8s), TLS 1.3 only, and the
 * HSTS answer. Read from HTTPS_PORT, TLS_CERT_FILE, TLS_KEY_FILE, GATEWAY_HSTS_MAX_AGE; without a certificate the
 * gateway serves plain HTTP only (its ITs against stand-in upstreams, a gateway behind a TLS-terminating ingress).
 */
public record TlsSettings(int port, Path certFile, Path keyFile, Duration hstsMaxAge) {

    static final String PORT = "HTTPS_PORT";
    static final int DEFAULT_PORT = 8443;
    /** The server certificate, PEM (the leaf first, then any intermediates). */
    static final String CERT_FILE = "TLS_CERT_FILE";
    /** Its private key, PEM (PKCS#8 "PRIVATE KEY", RSA or EC). */
    static final String KEY_FILE = "TLS_KEY_FILE";
    /**
     * How long a browser that saw the HTTPS origin refuses plain HTTP to the same host name (any port: HSTS ignores
     * ports, so http://localhost:8080 too; IP literals such as 127.0.0.1 are exempt). A year is what preload lists
     * ask for; shorter lets a mistake (a broken certificate) heal sooner.
     */
    static final String HSTS_MAX_AGE = "GATEWAY_HSTS_MAX_AGE";
    static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);
    /**
     * Only TLS 1.3: no downgrade to 1.2's RSA key exchange or CBC suites, forward secrecy always, one round trip.
     * Every client the project has (curl, the JDK's HttpClient, current browsers) speaks it.
     */
    public static final String PROTOCOL = "TLSv1.3";
    public static final String HSTS_HEADER = "Strict-Transport-Security";

    public TlsSettings {
        for (Path file : new Path[] {certFile, keyFile}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file + " (" + CERT_FILE + ", " + KEY_FILE + ")");
            }
        }
        if (hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException(HSTS_MAX_AGE + " must not be negative, got " + hstsMaxAge);
        }
    }

    /** Empty when no certificate is configured; one of the two files without the other is a mistake, named. */
    public static Optional<TlsSettings> fromEnv(Map<String, String> env) {
        EnvKnobs knobs = new EnvKnobs(env);
        Optional<Path> cert = file(env, CERT_FILE);
        Optional<Path> key = file(env, KEY_FILE);
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("HTTPS needs both " + CERT_FILE + " and " + KEY_FILE + "; only "
                    + (cert.isPresent() ? CERT_FILE : KEY_FILE) + " is set");
        }
        return Optional.of(new TlsSettings(knobs.integer(PORT, DEFAULT_PORT), cert.get(), key.get(),
                knobs.duration(HSTS_MAX_AGE, DEFAULT_HSTS_MAX_AGE)));
    }

    /** The HTTPS server's options on top of what plain and HTTPS servers share. */
    public HttpServerOptions secure(HttpServerOptions shared) {
        return new HttpServerOptions(shared).setPort(port).setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certFile.toString()).setKeyPath(keyFile.toString()))
                .setEnabledSecureTransportProtocols(Set.of(PROTOCOL));
    }

    /** On every answer of the HTTPS port, never of plain HTTP (RFC 6797: a browser ignores it there anyway). */
    public void markSecure(MultiMap headers) {
        headers.set(HSTS_HEADER, "max-age=" + hstsMaxAge.toSeconds());
    }

    private static Optional<Path> file(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }
}
