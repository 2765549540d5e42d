package votes.infra.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The dev signing key: RSA-2048, PEM (PKCS#8 private, X.509 public — the form mp.jwt.verify.publickey.location
 * reads). Generated once per stack home; production takes the identity provider's key instead.
 */
public record DevKeys(Path privatePem, Path publicPem) {

    public static DevKeys in(Path keysDir) {
        return new DevKeys(keysDir.resolve("jwt-private.pem"), keysDir.resolve("jwt-public.pem"));
    }

    /** @return true if a new pair was written. */
    public boolean ensure() {
        if (Files.isRegularFile(privatePem) && Files.isRegularFile(publicPem)) {
            return false;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privatePem.getParent());
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            privatePem.toFile().setReadable(false, false);
            privatePem.toFile().setReadable(true, true);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bad private key in " + privatePem, e);
        }
    }

    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(publicPem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bad public key in " + publicPem, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pem + " (run ./vote up first)", e);
        }
    }
}
