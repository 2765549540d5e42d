package votes.ledger.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.SignedCheckpoint;

/**
 * The ledger's checkpoint key (Ed25519, PEM files from configuration) and origin. Loaded and checked once, at
 * startup (see {@link CheckpointPublisher}): a ledger that cannot sign, or whose two key files are not one pair,
 * should not start, rather than run without checkpoints or sign ones that do not verify.
 */
@ApplicationScoped
public class CheckpointSigner {

    private final String origin;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    CheckpointSigner(@ConfigProperty(name = "ledger.checkpoint.private-key-file") String privateKeyFile,
                     @ConfigProperty(name = "ledger.checkpoint.public-key-file") String publicKeyFile,
                     @ConfigProperty(name = "ledger.checkpoint.origin") String origin) {
        Path privatePem = Path.of(privateKeyFile);
        Path publicPem = Path.of(publicKeyFile);
        if (!Files.isRegularFile(privatePem) || !Files.isRegularFile(publicPem)) {
            throw new IllegalStateException("no checkpoint key pair at " + privatePem.toAbsolutePath() + " / "
                    + publicPem.toAbsolutePath() + ": run ./vote up (it generates a dev pair) or set "
                    + "CHECKPOINT_PRIVATE_KEY_FILE and CHECKPOINT_PUBLIC_KEY_FILE");
        }
        this.origin = origin;
        this.privateKey = Ed25519Keys.loadPrivate(privatePem);
        this.publicKey = Ed25519Keys.loadPublic(publicPem);
        requireMatchingPair(privatePem, publicPem);
    }

    /**
     * Signs a probe checkpoint and verifies it with the public key, the way a verifier will. Every checkpoint names
     * the public key and key id it was signed for; with a public key from another pair each one would carry a key
     * that does not verify it, and nobody would notice until an audit fails. So a mismatched pair stops the start.
     */
    private void requireMatchingPair(Path privatePem, Path publicPem) {
        Checkpoint probe = new Checkpoint(origin, 0, Instant.EPOCH, List.of());
        if (!sign(probe).verify(publicKey)) {
            throw new IllegalStateException("the checkpoint keys are not one pair: a signature by the private key in "
                    + privatePem.toAbsolutePath() + " does not verify with the public key in "
                    + publicPem.toAbsolutePath() + " (key id " + keyId() + "); set CHECKPOINT_PRIVATE_KEY_FILE and "
                    + "CHECKPOINT_PUBLIC_KEY_FILE to the two halves of one Ed25519 key pair");
        }
    }

    public String origin() {
        return origin;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return Ed25519Keys.keyId(publicKey);
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return Ed25519Keys.sign(checkpoint, privateKey, publicKey);
    }
}
