package votes.infra.test.token;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import votes.infra.test.TestStack;
import votes.infra.token.DevKeys;
import votes.infra.token.TokenMinter;

/**
 * Tokens an attacker (or a sloppy issuer) would send, crafted claim by claim and header by header, to prove the
 * services refuse them. The stack's TokenMinter cannot make most of these on purpose: it only mints good tokens.
 */
public final class ForgedTokens {

    private final DevKeys keys;
    private final TokenMinter minter;

    public ForgedTokens(TestStack stack) {
        this.keys = DevKeys.in(stack.settings().keysDir());
        this.minter = stack.tokens();
    }

    /** What a good voter token says (the stack's minter's claims, 5 min), to be spoiled one claim at a time. */
    public JwtClaims voterClaims(String sub) {
        return minter.claims(sub, List.of("voter"), Duration.ofMinutes(5));
    }

    public JwtClaims voterClaims(String sub, Consumer<JwtClaims> spoil) {
        JwtClaims claims = voterClaims(sub);
        spoil.accept(claims);
        return claims;
    }

    /** Signed RS256 with the stack's own key: only the claims (or extra headers) can make it bad. */
    public String signed(JwtClaims claims, Consumer<JsonWebSignature> headers) {
        JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(keys.privateKey());
        headers.accept(jws);
        return serialize(jws);
    }

    public String signed(JwtClaims claims) {
        return signed(claims, jws -> { });
    }

    /** alg=none, no signature: the oldest trick. */
    public String unsigned(JwtClaims claims) {
        JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /** HS256 keyed with the public key's bytes: fools a verifier that lets the token pick the algorithm. */
    public String hmacWithThePublicKey(JwtClaims claims) {
        JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(keys.publicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    /** RS256, but with a key pair the services never heard of (headers may say where to find it: kid, jku). */
    public String signedByAnotherKey(JwtClaims claims, Consumer<JsonWebSignature> headers) {
        JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(otherKey());
        headers.accept(jws);
        return serialize(jws);
    }

    public String signedByAnotherKey(JwtClaims claims) {
        return signedByAnotherKey(claims, jws -> { });
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebSignature jws(JwtClaims claims, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        return jws;
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot serialize a forged token", e);
        }
    }
}
