package votes.system.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import io.vertx.core.json.JsonArray;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.identity.KeycloakServer;
import votes.infra.identity.VotesRealm;
import votes.infra.service.ServiceSpec;
import votes.infra.test.VoteStackExtension;
import votes.infra.test.browser.Chromium;
import votes.infra.test.browser.HeadlessPage;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/**
 * The real Keycloak (the Maven Central distribution on a JDK 21+ found on this machine, the versioned realm) that the
 * stack's own code starts, after the services (issue 13; {@code ./vote up} starts it beside them): first the realm itself (its JWKS,
 * PKCE-only sign-in back to the gateway, token claims and lifetimes, the admin's OTP), then the services trusting its
 * issuer through the JWKS (item 2): they started without it and fetch its keys when its first token comes. One class,
 * one Keycloak start (a first start is minutes on a loaded 2-core machine: the suite pays it once, beside FaultsIT).
 * Ordered: the admin's refused grants come after its sign-ins (brute-force detection locks an account for a minute after two
 * failures within a second), the restart after the rotation, the dev issuer is untrusted last, and the stack's
 * usual ingest is given back after it. Then sessions that end (item 3): a refreshed token votes; after Keycloak's
 * logout (its back-channel call to ingest) or the self-logout endpoint the same token is refused by ingest and the
 * ledger within a second, while another session of the same voter still votes.
 */
// Right after FaultsIT (junit-platform.properties), beside which Keycloak started (TestStack#identityUp).
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmTokensIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /** RFC 7636's example pair: the challenge is BASE64URL(SHA-256(verifier)). */
    private static final String PKCE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String PKCE_CHALLENGE = "&code_challenge_method=S256&code_challenge="
            + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    /** Longer than the services' unknown-kid gap (10 s), with room for a loaded machine. */
    private static final Duration ROTATION_PICKED_UP = Duration.ofSeconds(60);
    /** A redirect, a page load, a code traded, a vote recorded: seconds each on a loaded machine. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    private static final Path BROWSER_DIR = Path.of("target", "browser").toAbsolutePath();

    static VotesApi api;
    static RealmClient keycloak;
    static VotesRealm realm;
    static String pollId;

    @BeforeAll
    static void startKeycloakAndOpenAPoll() {
        api = new VotesApi(STACK.url());
        long began = System.nanoTime();
        String outcome = STACK.stack().identityUp();
        System.err.printf("[realm-tokens-it] Keycloak start %.1f s here: %s%n", (System.nanoTime() - began) / 1e9,
                outcome);
        keycloak = new RealmClient(STACK.stack().settings());
        realm = keycloak.realm();
        pollId = api.createPoll(STACK.token("admin-kc", "admin"), "Realm tokens", "a", "b");
    }

    @AfterAll
    static void giveTheStackItsIngestBackAndStopKeycloak() {
        STACK.stop(ServiceSpec.INGEST.name());
        STACK.start(ServiceSpec.INGEST.name());
        STACK.stack().localStack().identity().stop();
    }

    @Test
    @Order(1)
    void theJwksServesAnRsaSigningKey() throws Exception {
        HttpResponse<String> jwks = keycloak.get(realm.jwksUri());
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
    void theVotePageSignsInWithPkceOnlyAndOnlyBackToTheGateway() {
        String page = keycloak.page();
        HttpResponse<String> loginForm = keycloak.get(keycloak.authorize("votes-vote-page", page, PKCE_CHALLENGE));
        assertThat(loginForm.statusCode()).isEqualTo(200);
        assertThat(loginForm.body()).contains("kc-form-login").contains("registration");

        HttpResponse<String> withoutPkce = keycloak.get(keycloak.authorize("votes-vote-page", page, ""));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(page).contains("error=invalid_request"));

        HttpResponse<String> elsewhere = keycloak.get(keycloak.authorize("votes-vote-page", "http://localhost:1/steal", ""));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void theDemoVotersPasswordGrantGivesATokenOfTheIssuerWithTheVoterRoleSignedByAKeyOfTheJwks() throws Exception {
        JwtClaims claims = keycloak.verified(keycloak.demoVoterToken());

        assertThat(claims.getIssuer()).isEqualTo(realm.issuer()).isEqualTo(realm.clientEnv().get("OIDC_ISSUER"));
        assertThat(RealmClient.realmRoles(claims)).contains("voter").doesNotContain("admin");
        assertThat(claims.getAudience()).contains("ingest", "ledger", "realtime");
        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo(VotesRealm.DEMO_VOTER);
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isBetween(Duration.ofMinutes(5).toSeconds(), Duration.ofMinutes(15).toSeconds());
    }

    @Test
    @Order(4)
    void theVoterSignsInOnTheLoginFormAndThePageTradesItsCodeAndVerifierForAVoterToken() throws Exception {
        HttpResponse<String> back = new BrowserLogin().signIn(
                keycloak.authorize("votes-vote-page", keycloak.page(), PKCE_CHALLENGE), VotesRealm.DEMO_VOTER,
                realm.voterPassword());

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        JwtClaims claims = keycloak.verified(keycloak.pageToken(BrowserLogin.code(back), PKCE_VERIFIER));
        assertThat(RealmClient.realmRoles(claims)).contains("voter");
        assertThat(claims.getStringClaimValue("azp")).isEqualTo("votes-vote-page");
    }

    @Test
    @Order(5)
    void theAdminIsAskedForAnOtpAfterThePasswordAndSignedInOnlyWithIt() throws Exception {
        BrowserLogin browser = new BrowserLogin();
        HttpResponse<String> otpPage = browser.signIn(
                keycloak.authorize("votes-vote-page", keycloak.page(), PKCE_CHALLENGE), VotesRealm.DEMO_ADMIN,
                realm.adminPassword());

        assertThat(otpPage.statusCode()).as("no redirect with a code before the OTP").isEqualTo(200);
        assertThat(otpPage.headers().firstValue("Location")).isEmpty();
        assertThat(otpPage.body()).contains("name=\"otp\"");

        HttpResponse<String> back = browser.submit(otpPage, Map.of("otp", Totp.fresh(realm.adminOtpSecret())));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(RealmClient.realmRoles(keycloak.verified(keycloak.pageToken(BrowserLogin.code(back), PKCE_VERIFIER))))
                .contains("admin");
    }

    @Test
    @Order(6)
    void theDemoAdminsPasswordGrantWithoutAnOtpIsRefusedAndWithTheRightOtpGivesTheAdminRole() {
        // The granted one first: brute-force detection locks an account for a minute after two failures within a
        // second (quickLoginCheckMilliSeconds), and then refuses even the right password and code.
        String code = Totp.fresh(realm.adminOtpSecret());
        HttpResponse<String> granted = keycloak.grant(VotesRealm.DEMO_ADMIN, realm.adminPassword(), code);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String accessToken = RealmClient.read(granted.body()).get("access_token").asText();
        assertThat(RealmClient.realmRoles(keycloak.verified(accessToken))).contains("admin", "voter");

        HttpResponse<String> refused = keycloak.grant(VotesRealm.DEMO_ADMIN, realm.adminPassword(), null);
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
        assertThat(RealmClient.read(refused.body()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(RealmClient.read(refused.body()).has("access_token")).isFalse();

        HttpResponse<String> wrongCode = keycloak.grant(VotesRealm.DEMO_ADMIN, realm.adminPassword(),
                code.equals("000000") ? "111111" : "000000");
        assertThat(wrongCode.statusCode()).as(wrongCode.body()).isIn(400, 401);
    }

    @Test
    @Order(7)
    void theDemoVotersPasswordGrantTokenVotesThroughTheGatewayUnderTheHmacOfItsSubject() {
        String token = keycloak.demoVoterToken();
        String subject = RealmClient.claimsOf(token).get("sub").asText();

        Reply accepted = api.vote(token, pollId, "a");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        UUID eventId = UUID.fromString(accepted.json().get("receiptId").asText());
        LedgerDatabase ledger = new LedgerDatabase(STACK.stack());
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.voterIdOf(eventId) != null);
        assertThat(ledger.voterIdOf(eventId)).isEqualTo(STACK.voterIds().of(subject));
        // The ledger trusts the same token (its aud carries "ledger"): the voter reads her receipt.
        Reply receipt = api.receipt(token, eventId.toString());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void aTokenFromAnotherRealmOfTheSameKeycloakIsRefused() {
        String password = UUID.randomUUID().toString();
        keycloak.createRealm(otherRealm(password));
        String foreign = keycloak.passwordGrant("other", "votes-cli", "mallory", password);
        assertThat(RealmClient.claimsOf(foreign).get("aud").toString()).contains("ingest");

        Reply refused = api.vote(foreign, pollId, "a");

        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @Order(9)
    void aTokenSignedWithANewlyAddedRealmKeyIsAcceptedWithoutRestartingIngest() {
        String before = RealmClient.kidOf(keycloak.demoVoterToken());
        long ingestPid = STACK.pid(ServiceSpec.INGEST.name());
        String rotatedPoll = api.createPoll(STACK.token("admin-kc", "admin"), "After rotation", "a", "b");

        keycloak.addPreferredRsaKey("rotated-" + System.nanoTime(), 500);
        String rotated = keycloak.demoVoterToken();
        assertThat(RealmClient.kidOf(rotated)).as("Keycloak signs with the new key").isNotEqualTo(before);

        // The first fetch for a kid ingest lacks may fall inside the gap after the previous one: then the token is
        // refused (401, nothing appended) until the gap is over; it is never accepted by a restart.
        await().atMost(ROTATION_PICKED_UP).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(api.vote(rotated, rotatedPoll, "b").status()).isEqualTo(202));
        assertThat(STACK.pid(ServiceSpec.INGEST.name())).as("the same ingest process").isEqualTo(ingestPid);
    }

    @Test
    @Order(10)
    void aStopThenAStartOfKeycloakKeepsTheRealmItsUsersAndTheirSubjects() throws Exception {
        KeycloakServer server = STACK.stack().localStack().identity();
        String before = keycloak.verified(keycloak.demoVoterToken()).getSubject();
        server.stop();
        assertThat(server.isUp()).isFalse();

        long began = System.nanoTime();
        String outcome = server.start();
        System.err.printf("[realm-tokens-it] Keycloak warm restart %.1f s: %s%n", (System.nanoTime() - began) / 1e9,
                outcome);

        assertThat(outcome).contains("realm votes kept");
        assertThat(server.isUp()).isTrue();
        assertThat(keycloak.verified(keycloak.demoVoterToken()).getSubject()).isEqualTo(before);
    }

    @Test
    @Order(11)
    void aDevKeyTokenIsRefusedByAnIngestThatDoesNotTrustTheDevIssuerWhileRealmTokensStillVote() {
        String devToken = STACK.token("dev-voter-" + UUID.randomUUID());
        assertThat(api.vote(devToken, pollId, "a").status()).as("trusted on the test stack").isEqualTo(202);

        STACK.restartWith(ServiceSpec.INGEST, Map.of("VOTE_TRUST_DEV_ISSUER", "false"));

        Reply refused = api.vote(STACK.token("dev-voter-" + UUID.randomUUID()), pollId, "a");
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        String otherPoll = api.createPoll(STACK.token("admin-kc", "admin"), "Realm only", "a", "b");
        Reply realm = api.vote(keycloak.demoVoterToken(), otherPoll, "a");
        assertThat(realm.status()).as(realm.body()).isEqualTo(202);
    }

    // --- sessions that end (item 3) ---

    /** The bound: a logged-out token is refused by ingest and the ledger within this, polled, not slept. */
    private static final Duration REVOKED_WITHIN = Duration.ofSeconds(1);

    @Test
    @Order(20)
    void theCliClientsRefreshedAccessTokenVotesAndReadsItsReceipt() {
        JsonNode session = keycloak.demoVoterSession();
        JsonNode refreshed = keycloak.refresh(session.get("refresh_token").asText());
        String token = refreshed.get("access_token").asText();
        assertThat(token).isNotEqualTo(session.get("access_token").asText());
        String poll = api.createPoll(STACK.token("admin-kc", "admin"), "Refreshed", "a", "b");

        Reply accepted = api.vote(token, poll, "a");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        Reply receipt = api.receipt(token, accepted.json().get("receiptId").asText());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
    }

    @Test
    @Order(21)
    void afterAKeycloakLogoutTheSameAccessTokenIsRefusedByIngestAndTheLedgerWithinASecondAnotherSessionStillVotes() {
        JsonNode session = keycloak.demoVoterSession();
        String token = session.get("access_token").asText();
        String other = keycloak.demoVoterSession().get("access_token").asText();
        String before = api.createPoll(STACK.token("admin-kc", "admin"), "Before logout", "a", "b");
        String after = api.createPoll(STACK.token("admin-kc", "admin"), "After logout", "a", "b");
        Reply accepted = api.vote(token, before, "a");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String receiptId = accepted.json().get("receiptId").asText();

        keycloak.logout(session.get("refresh_token").asText());

        assertRevokedWithin(token, after, receiptId);
        Reply otherSession = api.vote(other, after, "b");
        assertThat(otherSession.status()).as(otherSession.body()).isEqualTo(202);
    }

    @Test
    @Order(22)
    void afterTheSelfLogoutEndpointTheSameAccessTokenIsRefusedByIngestAndTheLedgerWithinASecond() {
        String token = keycloak.demoVoterSession().get("access_token").asText();
        String before = api.createPoll(STACK.token("admin-kc", "admin"), "Before self-logout", "a", "b");
        String after = api.createPoll(STACK.token("admin-kc", "admin"), "After self-logout", "a", "b");
        Reply accepted = api.vote(token, before, "a");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        Reply loggedOut = api.send(api.request("/api/v1/sessions/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(204);
        assertRevokedWithin(token, after, accepted.json().get("receiptId").asText());
    }

    private static void assertRevokedWithin(String token, String pollId, String receiptId) {
        await().atMost(REVOKED_WITHIN).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertRevoked(api.vote(token, pollId, "a"));
            assertRevoked(api.receipt(token, receiptId));
        });
    }

    private static void assertRevoked(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.json().get("type").asText()).endsWith("/token-revoked");
    }

    // --- pages sign in (item 4) ---

    @Test
    @Order(30)
    void theDemoVoterIsSentToTheLoginFormSignsInVotesOnTheVotePageAndNoTokenIsLeftInStorageOrTheUrl() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        String poll = api.createPoll(STACK.token("admin-kc", "admin"), "Signed in on the page", "a", "b");
        long began = System.nanoTime();
        try (HeadlessPage page = HeadlessPage.launch(BROWSER_DIR)) {
            page.open(STACK.url() + "/vote.html?poll=" + poll);
            signInOnTheForm(page, VotesRealm.DEMO_VOTER, realm.voterPassword());
            page.waitUntil("location.href.startsWith(" + js(STACK.url()) + ") && !document.getElementById('who').hidden"
                    + " && document.querySelector('input[name=option][value=\"a\"]')", PAGE_WAIT);
            assertThat(page.text("#who-name")).isEqualTo(VotesRealm.DEMO_VOTER);
            assertThat(page.evaluate("document.getElementById('dev-token').hidden")).isEqualTo(true);

            page.click("input[name=option][value=\"a\"]");
            page.click("#submit");
            page.waitUntil("document.querySelector('#outcome .notice.ok, #outcome .notice.bad')", PAGE_WAIT);
            assertThat(page.text("#outcome")).contains("Recorded in the ledger");
            String receiptId = page.text("#outcome .receipt").replace("Receipt", "").trim();

            // Tokens in the page's memory only: nothing in either storage (the PKCE verifier is gone too), nothing
            // of the sign-in in the address bar.
            assertThat(String.valueOf(page.evaluate("localStorage.length"))).isEqualTo("0");
            assertThat(String.valueOf(page.evaluate("sessionStorage.length"))).isEqualTo("0");
            assertThat(String.valueOf(page.evaluate("location.href")))
                    .isEqualTo(STACK.url() + "/vote.html?poll=" + poll).doesNotContain("code=", "state=", "eyJ");
            Reply receipt = api.receipt(keycloak.demoVoterToken(), receiptId);
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
            assertThat(receipt.json().get("optionId").asText()).isEqualTo("a");
            assertThat(page.log()).noneMatch(line -> line.startsWith("pageerror") || line.contains("Content Security Policy"));
        }
        System.err.printf("[realm-tokens-it] vote page sign-in and vote %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    @Test
    @Order(31)
    void theAdminPageRefusesASignedInVoter() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        try (HeadlessPage page = HeadlessPage.launch(BROWSER_DIR)) {
            page.open(STACK.url() + "/admin.html?poll=" + pollId);
            signInOnTheForm(page, VotesRealm.DEMO_VOTER, realm.voterPassword());
            page.waitUntil("document.body.dataset.refused", PAGE_WAIT);

            assertThat(page.evaluate("document.body.dataset.refused")).isEqualTo("not-admin");
            assertThat(page.text("#who-name")).isEqualTo(VotesRealm.DEMO_VOTER);
            assertThat(page.text("#outcome")).contains("not an admin");
            assertThat(page.evaluate("document.getElementById('load').disabled")).isEqualTo(true);
            assertThat(page.evaluate("document.getElementById('flags').dataset.pollId")).as("no flags loaded").isNull();
        }
    }

    @Test
    @Order(32)
    void theDemoAdminSignsInWithPasswordAndOtpAndTheAdminPageLoadsThePollsFlagsWithItsBearer() throws Exception {
        String why = Chromium.unavailable();
        Assumptions.assumeTrue(why == null, why);
        try (HeadlessPage page = HeadlessPage.launch(BROWSER_DIR)) {
            page.open(STACK.url() + "/admin.html?poll=" + pollId);
            signInOnTheForm(page, VotesRealm.DEMO_ADMIN, realm.adminPassword());
            page.waitUntil("document.getElementById('otp')", PAGE_WAIT);
            page.evaluate("document.getElementById('otp').value = " + js(Totp.fresh(realm.adminOtpSecret())) + "; true");
            page.click("#kc-login");

            // The page lists the poll's flags (admin or auditor at the ledger) with the bearer it got.
            page.waitUntil("document.getElementById('flags').dataset.pollId === " + js(pollId)
                    + " || document.querySelector('#outcome .notice.bad')", PAGE_WAIT);
            assertThat(page.evaluate("document.querySelector('#outcome .notice.bad') && "
                    + "document.querySelector('#outcome .notice.bad').textContent")).isNull();
            assertThat(page.text("#who-name")).isEqualTo(VotesRealm.DEMO_ADMIN);
            assertThat(page.evaluate("document.body.dataset.refused")).isNull();
            assertThat(String.valueOf(page.evaluate("localStorage.length + sessionStorage.length"))).isEqualTo("0");
        }
    }

    /** Waits for the realm's login form (after the page's redirect) and submits it as a person would. */
    private static void signInOnTheForm(HeadlessPage page, String user, String password) {
        page.waitUntil("location.href.startsWith(" + js(realm.issuer()) + ") && document.getElementById('kc-login')",
                PAGE_WAIT);
        page.evaluate("document.getElementById('username').value = " + js(user) + ";"
                + " document.getElementById('password').value = " + js(password) + "; true");
        page.click("#kc-login");
    }

    /** A JavaScript string literal. */
    private static String js(String value) {
        return new JsonArray().add(value).encode() + "[0]";
    }

    /** A realm like votes in what matters here (a CLI client whose tokens carry aud ingest), with one user. */
    private static String otherRealm(String password) {
        return """
                {"realm":"other","enabled":true,
                 "clients":[{"clientId":"votes-cli","publicClient":true,"directAccessGrantsEnabled":true,
                   "standardFlowEnabled":false,
                   "protocolMappers":[{"name":"audience ingest","protocol":"openid-connect",
                     "protocolMapper":"oidc-audience-mapper","config":{"included.custom.audience":"ingest",
                     "access.token.claim":"true"}}]}],
                 "roles":{"realm":[{"name":"voter"}]},
                 "users":[{"username":"mallory","enabled":true,"email":"mallory@other.localhost","emailVerified":true,
                   "firstName":"M","lastName":"O","realmRoles":["voter"],
                   "credentials":[{"type":"password","value":"%s","temporary":false}]}]}
                """.formatted(password);
    }
}
