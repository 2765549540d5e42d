package votes.kit.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The issuers a service trusts, each verified by its own smallrye-jwt parser: the token's {@code iss} (read before any
 * check, only to pick the parser) selects one, and that parser checks everything again, {@code iss} included, with
 * that issuer's key, audience and role claim. An issuer not on the list is refused without a key being looked at.
 * Two issuers at most: the OpenID Connect provider (keys from its JWKS, {@link JwksKeys}) and the stack's dev key
 * (mp.jwt.verify.*), the latter only where {@code votes.identity.dev-issuer.trusted} says so.
 */
public final class TrustedIssuers implements JWTParser {

    private static final Logger LOG = Logger.getLogger(TrustedIssuers.class);

    private final Map<String, JWTParser> byIssuer;
    /** Serves the explicit-key methods of the interface, which no request path of ours calls. */
    private final JWTParser explicitKeys = new DefaultJWTParser(new JWTAuthContextInfo(),
            new DefaultJWTCallerPrincipalFactory());

    TrustedIssuers(Map<String, JWTParser> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    /**
     * From the service's configuration: {@code devIssuer} is what mp.jwt.verify.* and smallrye.jwt.* make (issuer,
     * key, audience, lifetime cap, required claims, clock skew); the provider's parser copies it and changes the
     * issuer, the audience, the key source and the role claim.
     */
    public static TrustedIssuers fromConfig(JWTAuthContextInfo devIssuer, Config config) {
        IssuerConfig settings = IssuerConfig.from(config);
        return of(devIssuer, settings, issuer -> refreshed(settings.jwksLocation(issuer), settings.jwks()));
    }

    /** {@code keysOf} gives the provider's key set for its issuer. */
    static TrustedIssuers of(JWTAuthContextInfo devIssuer, IssuerConfig settings, Function<String, JwksKeys> keysOf) {
        Map<String, JWTParser> parsers = new LinkedHashMap<>();
        settings.oidcIssuer().ifPresent(issuer -> parsers.put(issuer,
                provider(devIssuer, settings, issuer, keysOf.apply(issuer))));
        if (settings.trustDevIssuer()) {
            parsers.put(devIssuer.getIssuedBy(), new DefaultJWTParser(devIssuer, new DefaultJWTCallerPrincipalFactory()));
        }
        if (parsers.isEmpty()) {
            LOG.warn("No token issuer is trusted (OIDC_ISSUER unset, VOTE_TRUST_DEV_ISSUER=false): every token is refused");
        } else {
            LOG.infof("Trusted token issuers: %s", parsers.keySet());
        }
        return new TrustedIssuers(parsers);
    }

    /** Keys fetched now and every refresh interval, off the start-up path: a provider that is down stops nothing. */
    private static JwksKeys refreshed(String jwks, JwksSettings settings) {
        JwksKeys keys = new JwksKeys(jwks, new JwksDownload(URI.create(jwks), settings.fetchTimeout()), settings,
                System::nanoTime);
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "votes-jwks-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(keys::refresh, 0, every, TimeUnit.MILLISECONDS);
        return keys;
    }

    /** The dev issuer's checks with the provider's issuer, audience, role claim and keys. */
    private static JWTParser provider(JWTAuthContextInfo devIssuer, IssuerConfig settings, String issuer,
                                      JwksKeys keys) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(devIssuer);
        context.setIssuedBy(issuer);
        context.setExpectedAudience(Set.of(settings.oidcAudience()));
        context.setGroupsPath(settings.rolesPath());
        context.setPublicKeyLocation(settings.jwksLocation(issuer));
        context.setPublicKeyContent(null);
        context.setPublicVerificationKey(null);
        context.setSecretVerificationKey(null);
        context.setTokenKeyId(null);
        return new DefaultJWTParser(context, new JwksPrincipals(keys));
    }

    /** The issuers this service trusts. */
    public Set<String> issuers() {
        return byIssuer.keySet();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String issuer = unverifiedIssuer(token);
        JWTParser parser = byIssuer.get(issuer);
        if (parser == null) {
            throw new ParseException("issuer not trusted: " + issuer);
        }
        return parser.parse(token);
    }

    /** The {@code iss} of a compact JWS, not verified: only which parser to ask. */
    static String unverifiedIssuer(String token) throws ParseException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new ParseException("not a compact JWS");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            Object issuer = JsonUtil.parseJson(new String(payload, StandardCharsets.UTF_8)).get("iss");
            if (!(issuer instanceof String name)) {
                throw new ParseException("no iss claim");
            }
            return name;
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            throw new ParseException("unreadable claims", e);
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return explicitKeys.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return explicitKeys.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return explicitKeys.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return explicitKeys.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return explicitKeys.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return explicitKeys.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return explicitKeys.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return explicitKeys.parseOnly(token);
    }
}
