package votes.system.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.identity.KeycloakServer;
import votes.infra.service.ServiceSpec;
import votes.infra.test.VoteStackExtension;
import votes.system.LedgerDatabase;
import votes.system.VotesApi;
import votes.system.VotesApi.Reply;

/**
 * The services trust the realm's issuer through its JWKS (issue 13, item 2), on the real Keycloak the stack's own
 * code starts, after the services (as {@code ./vote up} does): so the services start without it, and fetch its keys
 * when its first token comes. One class, one Keycloak start (~1 min), ordered: the dev issuer is untrusted last,
 * and the stack's usual ingest is given back after it (the stack is shared with the other ITs).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmTokensIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /** Longer than the services' unknown-kid gap (10 s), with room for a loaded machine. */
    private static final Duration ROTATION_PICKED_UP = Duration.ofSeconds(60);

    static VotesApi api;
    static RealmClient keycloak;
    static String pollId;

    @BeforeAll
    static void startKeycloakAndOpenAPoll() {
        api = new VotesApi(STACK.url());
        KeycloakServer server = STACK.stack().localStack().identity();
        long began = System.nanoTime();
        String outcome = server.start();
        System.err.printf("[realm-tokens-it] Keycloak start %.1f s: %s%n", (System.nanoTime() - began) / 1e9, outcome);
        keycloak = new RealmClient(STACK.stack().settings());
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
    @Order(2)
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
    @Order(3)
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
    @Order(4)
    void aDevKeyTokenIsRefusedByAnIngestThatDoesNotTrustTheDevIssuerWhileRealmTokensStillVote() {
        String devToken = STACK.token("dev-voter-" + UUID.randomUUID());
        assertThat(api.vote(devToken, pollId, "a").status()).as("trusted on the test stack").isEqualTo(202);

        STACK.restartWith(ServiceSpec.INGEST, java.util.Map.of("VOTE_TRUST_DEV_ISSUER", "false"));

        Reply refused = api.vote(STACK.token("dev-voter-" + UUID.randomUUID()), pollId, "a");
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        String otherPoll = api.createPoll(STACK.token("admin-kc", "admin"), "Realm only", "a", "b");
        Reply realm = api.vote(keycloak.demoVoterToken(), otherPoll, "a");
        assertThat(realm.status()).as(realm.body()).isEqualTo(202);
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
