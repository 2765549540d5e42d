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
import java.util.Map;
import java.util.stream.Collectors;
import votes.infra.identity.VotesRealm;
import votes.infra.stack.StackSettings;

/**
 * The stack's Keycloak as a test drives it: password grants of the CLI client, and the master admin's REST API
 * (the bootstrap admin, generated per stack) to add a realm or a signing key.
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

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
