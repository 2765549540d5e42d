package votes.kit.identity;

import java.security.Key;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * An issuer's signing keys by {@code kid}, from its JWKS, held in memory: a token is verified locally, with no call
 * to the provider on the request's path. The set is fetched off the request path (at start, and every
 * {@link JwksSettings#refreshInterval()}), so a key the provider drops stops being trusted within that interval.
 * A token naming a {@code kid} the set lacks (a rotated realm key, or a provider that was down at start) triggers
 * one fetch that the request waits for, at most {@link JwksSettings#unknownKidWait()}; such fetches start at most
 * once per {@link JwksSettings#unknownKidGap()}, so a flood of forged {@code kid}s costs the provider one request
 * per gap, not one per token. Never fails at start: a provider that is down only means its tokens are refused
 * until it answers.
 */
public final class JwksKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    private final String source;
    private final Supplier<CompletableFuture<String>> fetch;
    private final JwksSettings settings;
    private final LongSupplier nanoTime;
    private volatile Map<String, PublicKey> keys = Map.of();
    private CompletableFuture<Map<String, PublicKey>> inFlight;
    private long lastUnknownKidFetch;
    private boolean failing;

    /**
     * @param source  the JWKS address, for log lines and refusals
     * @param fetch   starts one download of the JWKS document
     */
    public JwksKeys(String source, Supplier<CompletableFuture<String>> fetch, JwksSettings settings,
                    LongSupplier nanoTime) {
        this.source = source;
        this.fetch = fetch;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.lastUnknownKidFetch = nanoTime.getAsLong() - settings.unknownKidGap().toNanos();
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null) {
            throw new UnresolvableKeyException("the token names no kid; " + source + " holds several keys");
        }
        PublicKey key = keys.get(kid);
        if (key == null) {
            key = awaitFetchFor(kid);
        }
        if (key == null) {
            throw new UnresolvableKeyException("no key " + kid + " in " + source);
        }
        return key;
    }

    /** The keys held now, by kid. */
    public Map<String, PublicKey> keys() {
        return keys;
    }

    /** Starts a download unless one is under way; what the periodic refresh calls. */
    public synchronized CompletableFuture<Map<String, PublicKey>> refresh() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = fetch.get().thenApply(this::install).whenComplete((installed, failure) -> report(failure));
        }
        return inFlight;
    }

    private PublicKey awaitFetchFor(String kid) {
        CompletableFuture<Map<String, PublicKey>> fetched = unknownKidFetch();
        if (fetched == null) {
            return null;
        }
        try {
            return fetched.get(settings.unknownKidWait().toMillis(), TimeUnit.MILLISECONDS).get(kid);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A download for an unknown kid, unless one ran within the gap (then null: the kid is simply not there). */
    private synchronized CompletableFuture<Map<String, PublicKey>> unknownKidFetch() {
        if (inFlight != null && !inFlight.isDone()) {
            return inFlight;
        }
        long now = nanoTime.getAsLong();
        if (now - lastUnknownKidFetch < settings.unknownKidGap().toNanos()) {
            return null;
        }
        lastUnknownKidFetch = now;
        return refresh();
    }

    private Map<String, PublicKey> install(String document) {
        Map<String, PublicKey> parsed = signingKeys(document);
        keys = parsed;
        return parsed;
    }

    /** RSA signature keys with a kid, meant for RS256 or for any algorithm; encryption keys are not trusted to sign. */
    static Map<String, PublicKey> signingKeys(String document) {
        try {
            Map<String, PublicKey> found = new LinkedHashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(document).getJsonWebKeys()) {
                boolean signing = jwk.getUse() == null || Use.SIGNATURE.equals(jwk.getUse());
                boolean rs256 = jwk.getAlgorithm() == null
                        || AlgorithmIdentifiers.RSA_USING_SHA256.equals(jwk.getAlgorithm());
                if (jwk instanceof RsaJsonWebKey rsa && signing && rs256 && jwk.getKeyId() != null) {
                    found.put(jwk.getKeyId(), rsa.getPublicKey());
                }
            }
            return Map.copyOf(found);
        } catch (JoseException e) {
            throw new IllegalStateException("not a JWKS: " + e.getMessage(), e);
        }
    }

    /** One line when fetching starts failing and one when it works again, not one per attempt. */
    private synchronized void report(Throwable failure) {
        if (failure != null && !failing) {
            LOG.warnf("Cannot fetch the signing keys from %s (%s); its tokens are refused until it answers, "
                    + "keys already held stay trusted", source, failure.getMessage());
        } else if (failure == null && failing) {
            LOG.infof("Signing keys from %s fetched again: %s", source, keys.keySet());
        } else if (failure == null) {
            LOG.debugf("Signing keys from %s: %s", source, keys.keySet());
        }
        failing = failure != null;
    }
}
