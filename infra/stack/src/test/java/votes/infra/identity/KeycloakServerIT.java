package votes.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.infra.stack.StackSettings;

/**
 * The real Keycloak (the Maven Central distribution, a JDK 21+ found on this machine) with the versioned realm,
 * alone in a home of its own under target/: nothing else of the stack is needed, and the test stacks of the other
 * ITs never start it. Ordered: the admin's refused grants come after its sign-ins, since brute-force detection locks
 * an account for a minute after two failures within a second; the restart comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakServerIT {

    /** RFC 7636's example pair: the challenge is BASE64URL(SHA-256(verifier)). */
    private static final String PKCE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String PKCE_CHALLENGE = "&code_challenge_method=S256&code_challenge="
            + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static StackSettings settings;
    private static KeycloakServer keycloak;
    private static VotesRealm realm;

    @BeforeAll
    static void start() {
        Path home = Path.of("target", "keycloak-it-" + ProcessHandle.current().pid()).toAbsolutePath();
        settings = StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of("")));
        keycloak = new KeycloakServer(settings);
        realm = keycloak.realm();
        long began = System.nanoTime();
        String outcome = keycloak.start();
        System.err.printf("[keycloak-it] first start %.1f s: %s%n", (System.nanoTime() - began) / 1e9, outcome);
    }

    @AfterAll
    static void stopAndClean() throws IOException {
        keycloak.stop();
        try (Stream<Path> tree = Files.walk(settings.home())) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(3)
    void theDemoVotersPasswordGrantGivesATokenOfTheIssuerWithTheVoterRoleSignedByAKeyOfTheJwks() throws Exception {
        HttpResponse<String> granted = passwordGrant(VotesRealm.DEMO_VOTER, realm.voterPassword(), null);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String accessToken = (String) JsonUtil.parseJson(granted.body()).get("access_token");

        JwtClaims claims = verified(accessToken);

        assertThat(claims.getIssuer()).isEqualTo(realm.issuer())
                .isEqualTo(new VotesRealm(settings).clientEnv().get("OIDC_ISSUER"));
        assertThat(realmRoles(claims)).contains("voter").doesNotContain("admin");
        assertThat(claims.getAudience()).contains("ingest", "ledger", "realtime");
        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo(VotesRealm.DEMO_VOTER);
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isBetween(Duration.ofMinutes(5).toSeconds(), Duration.ofMinutes(15).toSeconds());
    }

    @Test
    @Order(6)
    void theDemoAdminsPasswordGrantWithoutAnOtpIsRefusedAndWithTheRightOtpGivesTheAdminRole() throws Exception {
        // The granted one first: brute-force detection locks an account for a minute after two failures within a
        // second (quickLoginCheckMilliSeconds), and then refuses even the right password and code.
        String code = Totp.fresh(realm.adminOtpSecret());
        HttpResponse<String> granted = passwordGrant(VotesRealm.DEMO_ADMIN, realm.adminPassword(), code);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        JwtClaims claims = verified((String) JsonUtil.parseJson(granted.body()).get("access_token"));
        assertThat(realmRoles(claims)).contains("admin", "voter");

        HttpResponse<String> refused = passwordGrant(VotesRealm.DEMO_ADMIN, realm.adminPassword(), null);
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
        assertThat(JsonUtil.parseJson(refused.body())).containsEntry("error", "invalid_grant")
                .doesNotContainKey("access_token");

        HttpResponse<String> wrongCode = passwordGrant(VotesRealm.DEMO_ADMIN, realm.adminPassword(),
                code.equals("000000") ? "111111" : "000000");
        assertThat(wrongCode.statusCode()).as(wrongCode.body()).isIn(400, 401);
    }

    @Test
    @Order(1)
    void theJwksServesAnRsaSigningKey() throws Exception {
        HttpResponse<String> jwks = get(realm.jwksUri());
        assertThat(jwks.statusCode()).isEqualTo(200);
        List<JsonWebKey> keys = new JsonWebKeySet(jwks.body()).getJsonWebKeys();
        assertThat(keys).anySatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo("RSA");
            assertThat(key.getUse()).isEqualTo("sig");
            assertThat(key.getKeyId()).isNotBlank();
        });
    }

    @Test
    @Order(2)
    void theVotePageSignsInWithPkceOnlyAndOnlyBackToTheGateway() throws Exception {
        String page = page();
        String withPkce = authorize("votes-vote-page", page, PKCE_CHALLENGE);
        HttpResponse<String> loginForm = get(withPkce);
        assertThat(loginForm.statusCode()).isEqualTo(200);
        assertThat(loginForm.body()).contains("kc-form-login").contains("registration");

        HttpResponse<String> withoutPkce = get(authorize("votes-vote-page", page, ""));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(page).contains("error=invalid_request"));

        HttpResponse<String> elsewhere = get(authorize("votes-vote-page", "http://localhost:1/steal", ""));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void theVoterSignsInOnTheLoginFormAndThePageTradesItsCodeAndVerifierForAVoterToken() throws Exception {
        BrowserLogin browser = new BrowserLogin();
        HttpResponse<String> back = browser.signIn(authorize("votes-vote-page", page(), PKCE_CHALLENGE),
                VotesRealm.DEMO_VOTER, realm.voterPassword());

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        JwtClaims claims = verified(pageToken(BrowserLogin.code(back)));
        assertThat(realmRoles(claims)).contains("voter");
        assertThat(claims.getStringClaimValue("azp")).isEqualTo("votes-vote-page");
    }

    @Test
    @Order(5)
    void theAdminIsAskedForAnOtpAfterThePasswordAndSignedInOnlyWithIt() throws Exception {
        BrowserLogin browser = new BrowserLogin();
        HttpResponse<String> otpPage = browser.signIn(authorize("votes-vote-page", page(), PKCE_CHALLENGE),
                VotesRealm.DEMO_ADMIN, realm.adminPassword());

        assertThat(otpPage.statusCode()).as("no redirect with a code before the OTP").isEqualTo(200);
        assertThat(otpPage.headers().firstValue("Location")).isEmpty();
        assertThat(otpPage.body()).contains("name=\"otp\"");

        HttpResponse<String> back = browser.submit(otpPage, Map.of("otp", Totp.fresh(realm.adminOtpSecret())));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(realmRoles(verified(pageToken(BrowserLogin.code(back))))).contains("admin");
    }

    @Test
    @Order(7)
    void aStopThenAStartKeepsTheRealmAndItsUsers() throws Exception {
        String before = subjectOfTheDemoVoter();
        keycloak.stop();
        assertThat(keycloak.isUp()).isFalse();

        long began = System.nanoTime();
        String outcome = keycloak.start();
        System.err.printf("[keycloak-it] warm restart %.1f s: %s%n", (System.nanoTime() - began) / 1e9, outcome);

        assertThat(outcome).contains("realm votes kept");
        assertThat(keycloak.isUp()).isTrue();
        assertThat(subjectOfTheDemoVoter()).isEqualTo(before);
    }

    private static String subjectOfTheDemoVoter() throws Exception {
        HttpResponse<String> granted = passwordGrant(VotesRealm.DEMO_VOTER, realm.voterPassword(), null);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        return verified((String) JsonUtil.parseJson(granted.body()).get("access_token")).getSubject();
    }

    /** Signature against the realm's JWKS, issuer and expiry: what a service will check (issue 13, item 2). */
    private static JwtClaims verified(String accessToken) throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(get(realm.jwksUri()).body());
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(realm.issuer())
                .setExpectedAudience("ingest")
                .setRequireExpirationTime()
                .build()
                .processToClaims(accessToken);
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JwtClaims claims) {
        Map<String, Object> access = (Map<String, Object>) claims.getClaimValue("realm_access");
        return (List<String>) access.get("roles");
    }

    private static HttpResponse<String> passwordGrant(String user, String password, String otp) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", VotesRealm.CLI_CLIENT);
        form.put("username", user);
        form.put("password", password);
        if (otp != null) {
            form.put("totp", otp);
        }
        return post(realm.tokenEndpoint(), form);
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String page() {
        return settings.gatewayUrl() + "/vote.html";
    }

    /** The vote page's side of Authorization Code + PKCE: the code and the verifier for tokens. */
    private static String pageToken(String code) throws Exception {
        HttpResponse<String> tokens = post(realm.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "client_id", "votes-vote-page", "code", code, "redirect_uri", page(), "code_verifier", PKCE_VERIFIER));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return (String) JsonUtil.parseJson(tokens.body()).get("access_token");
    }

    private static String authorize(String client, String redirect, String extra) {
        return realm.issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=" + client
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=s1" + extra;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
