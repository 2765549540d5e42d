package votes.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issuer routing and the provider's checks on tokens signed here with throw-away RSA keys; no network. */
class TrustedIssuersTest {

    private static final String PROVIDER = "http://127.0.0.1:1/realms/votes";
    private static final String DEV = "https://votes.local/dev";
    private static final long MAX_TTL = 900;
    private static final JwksSettings JWKS = new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(2));

    private RsaJsonWebKey devKey;
    private RsaJsonWebKey realmKey;
    private final AtomicReference<String> servedJwks = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void keys() throws Exception {
        devKey = key("dev");
        realmKey = key("realm-1");
        servedJwks.set(new JsonWebKeySet(realmKey).toJson());
    }

    @Test
    void aProviderTokenIsVerifiedWithAKeyOfItsJwksAndItsRealmRolesBecomeGroups() throws Exception {
        JsonWebToken token = issuers(true).parse(sign(realmKey, providerClaims("kc-sub-1", "ingest")));

        assertThat(token.getSubject()).isEqualTo("kc-sub-1");
        assertThat(token.getIssuer()).isEqualTo(PROVIDER);
        assertThat(token.getGroups()).containsExactlyInAnyOrder("voter", "auditor");
    }

    @Test
    void aTokenSignedWithARotatedInKeyIsAcceptedAfterOneFetchWithoutARestart() throws Exception {
        TrustedIssuers issuers = issuers(true);
        issuers.parse(sign(realmKey, providerClaims("a", "ingest")));
        int before = fetches.get();

        RsaJsonWebKey rotated = key("realm-2");
        servedJwks.set(new JsonWebKeySet(realmKey, rotated).toJson());
        JsonWebToken token = issuers.parse(sign(rotated, providerClaims("b", "ingest")));

        assertThat(token.getSubject()).isEqualTo("b");
        assertThat(fetches.get()).isEqualTo(before + 1);
    }

    @Test
    void aTokenForAnotherServicesAudienceIsRefused() throws Exception {
        TrustedIssuers issuers = issuers(true);

        assertThatThrownBy(() -> issuers.parse(sign(realmKey, providerClaims("a", "ledger"))))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aProviderTokenLivingLongerThanTheCapIsRefused() throws Exception {
        JwtClaims claims = providerClaims("a", "ingest");
        claims.setExpirationTimeMinutesInTheFuture(MAX_TTL / 60f + 5);
        TrustedIssuers issuers = issuers(true);

        assertThatThrownBy(() -> issuers.parse(sign(realmKey, claims))).isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenClaimingTheProviderButSignedWithAnotherKeyIsRefused() throws Exception {
        RsaJsonWebKey forger = key("realm-1");
        TrustedIssuers issuers = issuers(true);

        assertThatThrownBy(() -> issuers.parse(sign(forger, providerClaims("a", "ingest"))))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aDevKeyTokenIsAcceptedWhileTheDevIssuerIsTrustedAndRefusedOtherwise() throws Exception {
        String devToken = sign(devKey, devClaims("alice"));

        assertThat(issuers(true).parse(devToken).getGroups()).containsExactly("voter");
        assertThatThrownBy(() -> issuers(false).parse(devToken)).isInstanceOf(ParseException.class)
                .hasMessageContaining("issuer not trusted");
    }

    @Test
    void eitherIssuersTokensReadTheirCustomClaimsThroughTheMapNotAnEnumLookupThatThrows() throws Exception {
        JwtClaims provider = providerClaims("kc-sub-1", "ingest");
        provider.setClaim("sid", "session-1");
        JwtClaims dev = devClaims("alice");
        dev.setClaim("sid", "dev-session");

        JsonWebToken fromProvider = issuers(true).parse(sign(realmKey, provider));
        JsonWebToken fromDev = issuers(true).parse(sign(devKey, dev));

        assertThat(fromProvider).isInstanceOf(VerifiedToken.class);
        assertThat(fromDev).isInstanceOf(VerifiedToken.class);
        assertThat(RevokedTokens.keysOf(fromProvider)).containsExactly("token:blacklist:sid:session-1");
        assertThat(RevokedTokens.keysOf(fromDev)).containsExactly("token:blacklist:sid:dev-session");
    }

    @Test
    void aTokenOfAnIssuerNotOnTheListIsRefusedWithoutFetchingAnyKey() throws Exception {
        JwtClaims claims = providerClaims("a", "ingest");
        claims.setIssuer("http://127.0.0.1:1/realms/other");
        TrustedIssuers issuers = issuers(true);
        int before = fetches.get();

        assertThatThrownBy(() -> issuers.parse(sign(realmKey, claims))).isInstanceOf(ParseException.class)
                .hasMessageContaining("issuer not trusted");
        assertThat(fetches.get()).isEqualTo(before);
    }

    @Test
    void theIssuerIsReadWhateverTheSpacingAndWithEscapesThroughTheJsonParser() throws Exception {
        assertThat(TrustedIssuers.unverifiedIssuer(compact("{\"sub\":\"a\", \"iss\" : \"" + DEV + "\"}")))
                .isEqualTo(DEV);
        assertThat(TrustedIssuers.unverifiedIssuer(compact("{\"iss\":\"https:\\/\\/votes.local\\/dev\"}")))
                .isEqualTo(DEV);
        assertThatThrownBy(() -> TrustedIssuers.unverifiedIssuer(compact("{\"iss\":42}")))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> TrustedIssuers.unverifiedIssuer(compact("{\"sub\":\"a\"}")))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> TrustedIssuers.unverifiedIssuer(compact("[\"iss\"]")))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> TrustedIssuers.unverifiedIssuer("e30.!!!.sig")).isInstanceOf(ParseException.class);
    }

    @Test
    void somethingThatIsNoJwsIsRefused() {
        assertThatThrownBy(() -> issuers(true).parse("not-a-token")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> issuers(true).parse("a.b.c")).isInstanceOf(ParseException.class);
    }

    @Test
    void aLogoutTokenOfTheProviderForOneOfTheClientsIsVerifiedOnTheJwksAndNamesItsSession() throws Exception {
        LogoutTokens logouts = logoutTokens(issuers(false));

        LogoutToken token = logouts.verify(sign(realmKey, logoutClaims(PROVIDER, "votes-cli")));

        assertThat(token.sid()).contains("session-1");
        assertThat(token.sub()).contains("kc-sub-1");
    }

    @Test
    void aLogoutTokenForAnotherClientOfAnotherIssuerOrWithAnUnknownKeyIsRefused() throws Exception {
        LogoutTokens logouts = logoutTokens(issuers(true));

        assertThatThrownBy(() -> logouts.verify(sign(realmKey, logoutClaims(PROVIDER, "someone-else"))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
        assertThatThrownBy(() -> logouts.verify(sign(realmKey, logoutClaims(DEV, "votes-cli"))))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
        assertThatThrownBy(() -> logouts.verify(sign(devKey, logoutClaims(PROVIDER, "votes-cli"))))
                .as("signed by a key that is not in the provider's JWKS")
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class);
    }

    @Test
    void anAccessTokenOfTheProviderIsNoLogoutToken() throws Exception {
        JwtClaims access = providerClaims("kc-sub-1", "votes-cli");
        access.setClaim("sid", "session-1");

        assertThatThrownBy(() -> logoutTokens(issuers(true)).verify(sign(realmKey, access)))
                .isInstanceOf(LogoutToken.InvalidLogoutToken.class).hasMessageContaining("events");
    }

    @Test
    void aServiceWithoutAProviderHasNoLogoutTokens() {
        IssuerConfig devOnly = new IssuerConfig(true, Optional.empty(), "ingest", Optional.empty(),
                "realm_access/roles", JWKS);
        TrustedIssuers issuers = TrustedIssuers.of(devContext(), devOnly, issuer -> {
            throw new AssertionError("no keys are fetched without a provider");
        });

        assertThat(issuers.logoutTokens(Set.of("votes-cli"), Duration.ofSeconds(30), Duration.ofMinutes(2))).isEmpty();
    }

    private static LogoutTokens logoutTokens(TrustedIssuers issuers) {
        return issuers.logoutTokens(Set.of("votes-cli", "votes-vote-page"), Duration.ofSeconds(30),
                Duration.ofMinutes(2)).orElseThrow();
    }

    /** As Keycloak 26 makes them: iss, aud = the client, iat, exp, jti, sub, sid, the event. */
    private static JwtClaims logoutClaims(String issuer, String client) {
        JwtClaims claims = baseClaims(issuer, "kc-sub-1");
        claims.setAudience(client);
        claims.setGeneratedJwtId();
        claims.setClaim("sid", "session-1");
        claims.setClaim("events", Map.of(LogoutToken.EVENT, Map.of()));
        return claims;
    }

    @Test
    void theWarmUpsTokensPassEachIssuersWholeCheckOnlyAgainstItsOwnKeyAndTheServicesCheckRefusesThem() throws Exception {
        TrustedIssuers issuers = issuers(true);
        TokenCheckWarmUp warmUp = issuers.warmUp(Instant.now());

        assertThat(warmUp.any()).isTrue();
        List<String> verifiedIssuers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonWebToken own = warmUp.verify(i);
            verifiedIssuers.add(own.getIssuer());
            assertThat(own.getSubject()).isEqualTo(TokenCheckWarmUp.SUBJECT);
            assertThat(own.getGroups()).as("the issuer's role claim, read by its own path").containsExactly("voter");
            String refused = warmUp.refusedToken(i);
            assertThatThrownBy(() -> issuers.parse(refused)).as("the service's check of warm-up token %d", i)
                    .isInstanceOf(ParseException.class);
        }
        assertThat(verifiedIssuers).containsExactlyInAnyOrder(PROVIDER, DEV);
    }

    @Test
    void theProvidersWarmUpTokenNamesAKidOfItsKeySetSoTheRefusalFetchesNoKeys() throws Exception {
        TrustedIssuers issuers = issuers(false);
        TokenCheckWarmUp warmUp = issuers.warmUp(Instant.now());
        int before = fetches.get();

        String token = warmUp.refusedToken(0);
        assertThatThrownBy(() -> issuers.parse(token)).isInstanceOf(ParseException.class);

        assertThat(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue()).isEqualTo("realm-1");
        assertThat(fetches.get()).as("key set fetches for the refused token").isEqualTo(before);
    }

    @Test
    void withNoIssuerTrustedTheWarmUpHasNoTokens() {
        IssuerConfig settings = new IssuerConfig(false, Optional.empty(), "ingest", Optional.empty(),
                "realm_access/roles", JWKS);

        assertThat(TrustedIssuers.of(devContext(), settings, issuer -> null).warmUp(Instant.now()).any()).isFalse();
    }

    private TrustedIssuers issuers(boolean trustDev) {
        IssuerConfig settings = new IssuerConfig(trustDev, Optional.of(PROVIDER), "ingest", Optional.empty(),
                "realm_access/roles", JWKS);
        return TrustedIssuers.of(devContext(), settings, issuer -> {
            JwksKeys keys = new JwksKeys(issuer, () -> {
                fetches.incrementAndGet();
                return CompletableFuture.completedFuture(servedJwks.get());
            }, JWKS, clock::get);
            keys.refresh(); // the start's fetch, as the services' background refresh does it
            return keys;
        });
    }

    /** What mp.jwt.verify.* and smallrye.jwt.* make in the services. */
    private JWTAuthContextInfo devContext() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(devKey.getRsaPublicKey(), DEV);
        context.setExpectedAudience(Set.of("votes"));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setMaxTimeToLiveSecs(MAX_TTL);
        context.setRequiredClaims(Set.of("iss", "aud", "sub", "iat", "exp"));
        return context;
    }

    private static JwtClaims providerClaims(String subject, String audience) {
        JwtClaims claims = baseClaims(PROVIDER, subject);
        claims.setAudience(audience, "realtime");
        claims.setClaim("realm_access", Map.of("roles", List.of("voter", "auditor")));
        return claims;
    }

    private static JwtClaims devClaims(String subject) {
        JwtClaims claims = baseClaims(DEV, subject);
        claims.setAudience("votes");
        claims.setStringListClaim("groups", new ArrayList<>(List.of("voter")));
        return claims;
    }

    private static JwtClaims baseClaims(String issuer, String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.now());
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims;
    }

    private static String sign(RsaJsonWebKey key, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String compact(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    private static RsaJsonWebKey key(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        key.setUse("sig");
        return key;
    }
}
