package votes.infra.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import votes.infra.secret.StackSecrets;
import votes.infra.stack.StackException;
import votes.infra.stack.StackSettings;

/**
 * The {@code votes} realm as this stack runs it: the versioned realm file ({@code identity/votes-realm.json} on the
 * classpath, from infra/stack/src/main/resources) and the per-stack values Keycloak puts into its
 * {@code ${NAME}} placeholders at import: the demo users' passwords, the demo admin's OTP secret and the service
 * client's secret (all generated once per stack by {@link StackSecrets}) and the gateway's origins the pages
 * redirect back to.
 */
public final class VotesRealm {

    public static final String NAME = "votes";
    /** The public client for the CLI and scripts: password grant (local use) and device grant. */
    public static final String CLI_CLIENT = "votes-cli";
    public static final String DEMO_VOTER = "demo-voter";
    public static final String DEMO_ADMIN = "demo-admin";
    static final String RESOURCE = "identity/votes-realm.json";
    /** Eligibility (issue 13 item 5): self-registered voters must verify their e-mail before they sign in. */
    static final String VERIFY_EMAIL = "VOTE_REALM_VERIFY_EMAIL";
    private static final String LOCAL_VERIFY_EMAIL = "\"verifyEmail\": false";
    /** The master realm's first admin (the admin console), created by Keycloak on its first start. */
    public static final String BOOTSTRAP_ADMIN = "admin";
    /** The stack secret ({@code .vote/secrets/}) holding that admin's password. */
    public static final String BOOTSTRAP_ADMIN_SECRET = "keycloak-admin";

    private final StackSettings settings;

    public VotesRealm(StackSettings settings) {
        this.settings = settings;
    }

    /** Keycloak's public origin: fixed (--hostname), so {@code iss} does not depend on how a client spells it. */
    public String origin() {
        return "http://127.0.0.1:" + settings.ports().keycloak();
    }

    /** {@code iss} of every token of the realm; its JWKS is {@code <issuer>/protocol/openid-connect/certs}. */
    public String issuer() {
        return origin() + "/realms/" + NAME;
    }

    public String wellKnown() {
        return issuer() + "/.well-known/openid-configuration";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String voterPassword() {
        return secrets().get("keycloak-demo-voter");
    }

    public String adminPassword() {
        return secrets().get("keycloak-demo-admin");
    }

    /** The demo admin's TOTP key (the UTF-8 bytes of this text are the HMAC key, as Keycloak stores it). */
    public String adminOtpSecret() {
        return secrets().get("keycloak-demo-admin-otp");
    }

    /** What {@code ./vote env} adds, and {@code ./vote up} prints. */
    public Map<String, String> clientEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OIDC_ISSUER", issuer());
        env.put("VOTE_OIDC_CLIENT", CLI_CLIENT);
        env.put("VOTE_DEMO_VOTER_USER", DEMO_VOTER);
        env.put("VOTE_DEMO_VOTER_PASSWORD", voterPassword());
        env.put("VOTE_DEMO_ADMIN_USER", DEMO_ADMIN);
        env.put("VOTE_DEMO_ADMIN_PASSWORD", adminPassword());
        return env;
    }

    /** The realm file's placeholders and the master admin Keycloak creates on its first start. */
    Map<String, String> serverEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VOTE_GATEWAY_URL", settings.gatewayUrl());
        env.put("VOTE_GATEWAY_LOOPBACK_URL", "http://127.0.0.1:" + settings.ports().gateway());
        env.put("VOTE_GATEWAY_TLS_URL", settings.gatewayTlsUrl());
        env.put("VOTE_DEMO_VOTER_PASSWORD", voterPassword());
        env.put("VOTE_DEMO_ADMIN_PASSWORD", adminPassword());
        env.put("VOTE_DEMO_ADMIN_OTP_SECRET", adminOtpSecret());
        env.put("VOTE_OIDC_SERVICE_SECRET", secrets().get("keycloak-votes-service"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets().get(BOOTSTRAP_ADMIN_SECRET));
        return env;
    }

    /**
     * Puts the realm file where {@code --import-realm} reads it; Keycloak skips it once the realm exists. {@code env}'s
     * {@code VOTE_REALM_VERIFY_EMAIL=true} turns on e-mail verification (the eligibility setting of issue 13 item 5;
     * it needs an SMTP server, which no local stack has, hence off by default).
     */
    void writeImport(Path importDir, Map<String, String> env) {
        try (InputStream in = VotesRealm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StackException(RESOURCE + " is not on the classpath (infra/stack's resources)");
            }
            Files.createDirectories(importDir);
            String realmFile = eligibility(new String(in.readAllBytes(), StandardCharsets.UTF_8), env);
            Files.writeString(importDir.resolve("votes-realm.json"), realmFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realm import into " + importDir, e);
        }
    }

    /** The realm file with verifyEmail as {@code VOTE_REALM_VERIFY_EMAIL} says (the file's own value: false). */
    static String eligibility(String realmFile, Map<String, String> env) {
        if (!Boolean.parseBoolean(env.getOrDefault(VERIFY_EMAIL, "false"))) {
            return realmFile;
        }
        if (!realmFile.contains(LOCAL_VERIFY_EMAIL)) {
            throw new StackException(RESOURCE + " has no " + LOCAL_VERIFY_EMAIL + " for " + VERIFY_EMAIL + " to turn on");
        }
        return realmFile.replace(LOCAL_VERIFY_EMAIL, "\"verifyEmail\": true");
    }

    private StackSecrets secrets() {
        return settings.secrets();
    }
}
