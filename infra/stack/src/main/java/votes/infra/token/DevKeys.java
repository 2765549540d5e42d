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
import votes.events.key.Pem;

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
            Files.writeString(publicPem, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
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
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pem.read(privatePem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bad private key in " + privatePem, e);
        }
    }

    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Pem.read(publicPem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bad public key in " + publicPem, e);
        }
    }
}
