package votes.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

/** The key cache with a fake download and a fake clock: what is fetched when, and what is trusted. */
class JwksKeysTest {

    private static final Duration GAP = Duration.ofSeconds(10);
    private static final JwksSettings SETTINGS = new JwksSettings(Duration.ofMinutes(5), GAP, Duration.ofSeconds(5),
            Duration.ofSeconds(2));

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final AtomicReference<CompletableFuture<String>> next = new AtomicReference<>();

    @Test
    void aForgedKidFetchesTheSetAtMostOncePerGap() throws Exception {
        JwksKeys keys = keys(new JsonWebKeySet(key("k1")).toJson());
        keys.refresh().join();
        int afterStart = fetches.get();

        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> keys.resolveKey(signedWith("forged"), List.of()))
                    .isInstanceOf(UnresolvableKeyException.class).hasMessageContaining("forged");
        }
        assertThat(fetches.get()).isEqualTo(afterStart + 1);

        clock.addAndGet(GAP.toNanos());
        assertThatThrownBy(() -> keys.resolveKey(signedWith("forged"), List.of()))
                .isInstanceOf(UnresolvableKeyException.class);
        assertThat(fetches.get()).isEqualTo(afterStart + 2);
    }

    @Test
    void aProviderDownAtStartIsAskedAgainByTheFirstTokenOnceItAnswers() throws Exception {
        next.set(CompletableFuture.failedFuture(new java.net.ConnectException("refused")));
        JwksKeys keys = keys(null);
        assertThat(keys.refresh()).isCompletedExceptionally();
        assertThat(keys.keys()).isEmpty();

        RsaJsonWebKey k1 = key("k1");
        next.set(CompletableFuture.completedFuture(new JsonWebKeySet(k1).toJson()));
        assertThat(keys.resolveKey(signedWith("k1"), List.of())).isEqualTo(k1.getPublicKey());
    }

    @Test
    void aFailedRefreshKeepsTheKeysAlreadyHeld() throws Exception {
        RsaJsonWebKey k1 = key("k1");
        JwksKeys keys = keys(new JsonWebKeySet(k1).toJson());
        keys.refresh().join();

        next.set(CompletableFuture.failedFuture(new java.net.ConnectException("refused")));
        keys.refresh();

        assertThat(keys.resolveKey(signedWith("k1"), List.of())).isEqualTo(k1.getPublicKey());
    }

    @Test
    void aRefreshDropsAKeyTheProviderNoLongerServes() throws Exception {
        RsaJsonWebKey k1 = key("k1");
        RsaJsonWebKey k2 = key("k2");
        JwksKeys keys = keys(new JsonWebKeySet(k1, k2).toJson());
        keys.refresh().join();

        next.set(CompletableFuture.completedFuture(new JsonWebKeySet(k2).toJson()));
        keys.refresh().join();

        assertThat(keys.keys()).containsOnlyKeys("k2");
    }

    @Test
    void onlyRsaSignatureKeysWithAKidAreHeld() throws Exception {
        RsaJsonWebKey encryption = key("enc");
        encryption.setUse("enc");
        RsaJsonWebKey otherAlgorithm = key("ps");
        otherAlgorithm.setAlgorithm("PS256");
        RsaJsonWebKey anonymous = key(null);

        assertThat(JwksKeys.signingKeys(new JsonWebKeySet(key("sig"), encryption, otherAlgorithm, anonymous).toJson()))
                .containsOnlyKeys("sig");
    }

    private JwksKeys keys(String firstDocument) {
        if (firstDocument != null) {
            next.set(CompletableFuture.completedFuture(firstDocument));
        }
        return new JwksKeys("http://127.0.0.1:1/certs", () -> {
            fetches.incrementAndGet();
            return next.get();
        }, SETTINGS, clock::get);
    }

    private static JsonWebSignature signedWith(String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setKeyIdHeaderValue(kid);
        return jws;
    }

    private static RsaJsonWebKey key(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }
}
