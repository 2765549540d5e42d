package votes.system.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import votes.infra.identity.VotesRealm;
import votes.infra.stack.StackSettings;

/**
 * The stack's Keycloak as a test drives it: password grants of the CLI client, the vote page's side of Authorization
 * Code + PKCE, tokens checked against the realm's JWKS, and the master admin's REST API (the bootstrap admin,
 * generated per stack) to add a realm or a signing key.
 */
final class RealmClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final VotesRealm realm;
    private final StackSettings settings;

    RealmClient(StackSettings settings) {
        this.settings = settings;
        this.realm = new VotesRealm(settings);
    }

    VotesRealm realm() {
        return realm;
    }

    /** The access token of a password grant of {@code client} in {@code realmName}. */
    String passwordGrant(String realmName, String client, String user, String password) {
        HttpResponse<String> granted = post(realm.origin() + "/realms/" + realmName + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", client, "username", user, "password", password));
        if (granted.statusCode() != 200) {
            throw new AssertionError("password grant of " + user + " in " + realmName + ": " + granted.statusCode()
                    + " " + granted.body());
        }
        return read(granted.body()).get("access_token").asText();
    }

    /** A password grant of the CLI client in the votes realm as Keycloak answers it; {@code otp} may be null. */
    HttpResponse<String> grant(String user, String password, String otp) {
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

    /** The demo voter's password grant of the CLI client: a new session each time (access and refresh token). */
    JsonNode demoVoterSession() {
        HttpResponse<String> granted = grant(VotesRealm.DEMO_VOTER, realm.voterPassword(), null);
        expect(200, granted);
        return read(granted.body());
    }

    /** The CLI client's refresh_token grant: a new access token of the same session. */
    JsonNode refresh(String refreshToken) {
        HttpResponse<String> refreshed = post(realm.tokenEndpoint(), Map.of("grant_type", "refresh_token",
                "client_id", VotesRealm.CLI_CLIENT, "refresh_token", refreshToken));
        expect(200, refreshed);
        return read(refreshed.body());
    }

    /** What a public client does to log out: its refresh token to the end-session endpoint (ends the session). */
    void logout(String refreshToken) {
        expect(204, post(realm.issuer() + "/protocol/openid-connect/logout",
                Map.of("client_id", VotesRealm.CLI_CLIENT, "refresh_token", refreshToken)));
    }

    /** Signature against the realm's JWKS, issuer, audience ingest and expiry: what the services check. */
    JwtClaims verified(String accessToken) {
        try {
            JsonWebKeySet jwks = new JsonWebKeySet(get(realm.jwksUri()).body());
            return new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                    .setExpectedIssuer(realm.issuer())
                    .setExpectedAudience("ingest")
                    .setRequireExpirationTime()
                    .build()
                    .processToClaims(accessToken);
        } catch (Exception e) {
            throw new AssertionError("token not verified against the realm's JWKS", e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> realmRoles(JwtClaims claims) {
        Map<String, Object> access = (Map<String, Object>) claims.getClaimValue("realm_access");
        return (List<String>) access.get("roles");
    }

    /** The vote page, where the realm sends a signed-in voter back. */
    String page() {
        return settings.gatewayUrl() + "/vote.html";
    }

    /** The authorization endpoint's URL for {@code client}, sending back to {@code redirect}. */
    String authorize(String client, String redirect, String extra) {
        return realm.issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=" + client
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=s1" + extra;
    }

    /** The vote page's side of Authorization Code + PKCE: the code and the verifier for an access token. */
    String pageToken(String code, String verifier) {
        HttpResponse<String> tokens = post(realm.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "client_id", "votes-vote-page", "code", code, "redirect_uri", page(), "code_verifier", verifier));
        expect(200, tokens);
        return read(tokens.body()).get("access_token").asText();
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET());
    }

    /** The demo voter's access token from the realm the stack runs. */
    String demoVoterToken() {
        return passwordGrant(VotesRealm.NAME, VotesRealm.CLI_CLIENT, VotesRealm.DEMO_VOTER, realm.voterPassword());
    }

    /** Creates a realm from its JSON representation (users and clients included). */
    void createRealm(String representation) {
        expect(201, send(admin("/admin/realms").POST(HttpRequest.BodyPublishers.ofString(representation))));
    }

    /** Adds a generated RSA signing key to the votes realm, preferred (higher priority) over its current one. */
    void addPreferredRsaKey(String name, int priority) {
        String realmId = read(send(admin("/admin/realms/" + VotesRealm.NAME).GET()).body()).get("id").asText();
        String component = JSON.createObjectNode()
                .put("name", name).put("providerId", "rsa-generated").put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId)
                .set("config", JSON.valueToTree(Map.of("priority", new String[] {Integer.toString(priority)},
                        "keySize", new String[] {"2048"}, "algorithm", new String[] {"RS256"},
                        "active", new String[] {"true"}, "enabled", new String[] {"true"})))
                .toString();
        expect(201, send(admin("/admin/realms/" + VotesRealm.NAME + "/components")
                .POST(HttpRequest.BodyPublishers.ofString(component))));
    }

    /** The {@code kid} header of a compact JWS. */
    static String kidOf(String token) {
        return read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8))
                .get("kid").asText();
    }

    /** A claim of a compact JWS, unverified (the test reads what it was given). */
    static JsonNode claimsOf(String token) {
        return read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder admin(String path) {
        String token = passwordGrant("master", "admin-cli", VotesRealm.BOOTSTRAP_ADMIN,
                settings.secrets().get(VotesRealm.BOOTSTRAP_ADMIN_SECRET));
        return HttpRequest.newBuilder(URI.create(realm.origin() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
