package votes.kit.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
    /** {@code "iss"} with its quotes. */
    private static final int ISS_KEY_LENGTH = 5;

    private final Map<String, JWTParser> byIssuer;
    /** Each trusted issuer's checks, for {@link #warmUp}. */
    private final Map<String, JWTAuthContextInfo> contexts;
    /** Serves the explicit-key methods of the interface, which no request path of ours calls. */
    private final JWTParser explicitKeys = new DefaultJWTParser(new JWTAuthContextInfo(),
            TokenPrincipals.configuredKeys());

    /** The provider's issuer and keys, for its logout tokens; null when no provider is trusted. */
    private final String providerIssuer;
    private final JwksKeys providerKeys;

    TrustedIssuers(Map<String, JWTParser> byIssuer) {
        this(byIssuer, Map.of(), null, null);
    }

    private TrustedIssuers(Map<String, JWTParser> byIssuer, Map<String, JWTAuthContextInfo> contexts,
                           String providerIssuer, JwksKeys providerKeys) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.contexts = Map.copyOf(contexts);
        this.providerIssuer = providerIssuer;
        this.providerKeys = providerKeys;
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
        Map<String, JWTAuthContextInfo> contexts = new LinkedHashMap<>();
        String issuer = settings.oidcIssuer().orElse(null);
        JwksKeys keys = issuer == null ? null : keysOf.apply(issuer);
        if (issuer != null) {
            JWTAuthContextInfo provider = provider(devIssuer, settings, issuer);
            contexts.put(issuer, provider);
            parsers.put(issuer, new DefaultJWTParser(provider, TokenPrincipals.keysFrom(keys)));
        }
        if (settings.trustDevIssuer()) {
            contexts.put(devIssuer.getIssuedBy(), devIssuer);
            parsers.put(devIssuer.getIssuedBy(), new DefaultJWTParser(devIssuer, TokenPrincipals.configuredKeys()));
        }
        if (parsers.isEmpty()) {
            LOG.warn("No token issuer is trusted (OIDC_ISSUER unset, VOTE_TRUST_DEV_ISSUER=false): every token is refused");
        } else {
            LOG.infof("Trusted token issuers: %s", parsers.keySet());
        }
        return new TrustedIssuers(parsers, contexts, issuer, keys);
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

    /** The dev issuer's checks with the provider's issuer, audience, role claim and key location. */
    private static JWTAuthContextInfo provider(JWTAuthContextInfo devIssuer, IssuerConfig settings, String issuer) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(devIssuer);
        context.setIssuedBy(issuer);
        context.setExpectedAudience(Set.of(settings.oidcAudience()));
        context.setGroupsPath(settings.rolesPath());
        context.setPublicKeyLocation(settings.jwksLocation(issuer));
        context.setPublicKeyContent(null);
        context.setPublicVerificationKey(null);
        context.setSecretVerificationKey(null);
        context.setTokenKeyId(null);
        return context;
    }

    /**
     * The provider's back-channel logout tokens, verified on its JWKS; empty when no provider is trusted (the dev
     * issuer has no sessions to end).
     *
     * @param clients the clients whose logout URL points here: a logout token's {@code aud} is one of them
     * @param maxAge  how old a logout token's {@code iat} may be (the spec asks for recent ones)
     */
    public Optional<LogoutTokens> logoutTokens(Set<String> clients, Duration clockSkew, Duration maxAge) {
        return providerKeys == null ? Optional.empty()
                : Optional.of(new LogoutTokens(providerIssuer, providerKeys, clients, clockSkew, maxAge));
    }

    /**
     * Tokens and checks to run this service's token check before it takes requests, signed by a key of their own
     * that nothing here trusts ({@link TokenCheckWarmUp}); {@code now} is their issue time.
     */
    public TokenCheckWarmUp warmUp(Instant now) {
        return new TokenCheckWarmUp(contexts, providerIssuer, providerKeys, now);
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

    /**
     * The {@code iss} of a compact JWS, not verified: only which parser to ask. Read by a scan of the decoded claims
     * for the first {@code "iss"} member holding a plain string (a full JSON parse cost as much as a tenth of the
     * RSA check on every vote), with the parser as fallback. A scan that picks the wrong member only picks a parser
     * that then refuses the token: that parser checks {@code iss} itself.
     */
    static String unverifiedIssuer(String token) throws ParseException {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new ParseException("not a compact JWS");
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                    StandardCharsets.UTF_8);
            String scanned = scanIssuer(claims);
            Object issuer = scanned != null ? scanned : JsonUtil.parseJson(claims).get("iss");
            if (!(issuer instanceof String name)) {
                throw new ParseException("no iss claim");
            }
            return name;
        } catch (RuntimeException | JoseException e) {
            // Bad base64, or claims that are no JSON object (the parser's Map cast fails): a refusal, never a 500.
            throw new ParseException("unreadable claims", e);
        }
    }

    /** {@code "iss" : "value"} with no escape inside the value, or null (then the JSON parser decides). */
    private static String scanIssuer(String claims) {
        int key = claims.indexOf("\"iss\"");
        if (key < 0) {
            return null;
        }
        int at = skipBlanks(claims, key + ISS_KEY_LENGTH);
        if (at >= claims.length() || claims.charAt(at) != ':') {
            return null;
        }
        at = skipBlanks(claims, at + 1);
        if (at >= claims.length() || claims.charAt(at) != '"') {
            return null;
        }
        int end = claims.indexOf('"', at + 1);
        int escape = claims.indexOf('\\', at + 1);
        if (end < 0 || escape >= 0 && escape < end) {
            return null;
        }
        return claims.substring(at + 1, end);
    }

    private static int skipBlanks(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
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
