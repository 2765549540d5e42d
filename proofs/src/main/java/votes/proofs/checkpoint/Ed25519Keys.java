package votes.proofs.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import votes.events.key.Pem;

/**
 * The checkpoint signing key: Ed25519 from the JDK, stored as PEM (PKCS#8 private, X.509 public). The key id is
 * the first 8 bytes of SHA-256 over the public key's X.509 encoding, in hex.
 */
public final class Ed25519Keys {

    static final String ALGORITHM = "Ed25519";
    private static final int KEY_ID_BYTES = 8;

    private Ed25519Keys() {
    }

    /**
     * Writes a new pair unless the private key exists. A private key without its public file is an error, not a
     * reason to generate another pair: that would silently rotate the key, and no earlier checkpoint would verify.
     *
     * @return true if a pair was written
     */
    public static boolean ensure(Path privatePem, Path publicPem) {
        if (Files.isRegularFile(privatePem)) {
            if (!Files.isRegularFile(publicPem)) {
                throw new IllegalStateException("the checkpoint key " + privatePem + " exists but its public key "
                        + publicPem + " does not: restore it (a new pair would break every earlier checkpoint)");
            }
            return false;
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            createParent(privatePem);
            createParent(publicPem);
            writeOwnerOnly(privatePem, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate Ed25519 keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint key to " + privatePem, e);
        }
    }

    /** Created readable by its owner only from the start, not restricted after being written under the umask. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    public static PrivateKey loadPrivate(Path pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Pem.read(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not an Ed25519 PKCS#8 private key: " + pem, e);
        }
    }

    public static PublicKey loadPublic(Path pem) {
        try {
            return fromDer(Pem.read(pem));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("not an Ed25519 X.509 public key: " + pem, e);
        }
    }

    public static PublicKey fromBase64(String x509) {
        return fromDer(Base64.getDecoder().decode(x509));
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SignedCheckpoint sign(Checkpoint checkpoint, PrivateKey key, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(checkpoint.signedBytes());
            return new SignedCheckpoint(checkpoint, Base64.getEncoder().encodeToString(signer.sign()),
                    toBase64(publicKey), keyId(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with an Ed25519 key", e);
        }
    }

    private static PublicKey fromDer(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 public key", e);
        }
    }
}
