package votes.ledger.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.checkpoint.Checkpoint;
import votes.events.checkpoint.Ed25519Keys;
import votes.events.checkpoint.SignedCheckpoint;

/**
 * The ledger's checkpoint key (Ed25519, PEM files from configuration) and origin. Loaded once, at startup (see
 * {@link CheckpointPublisher}): a ledger that cannot sign should not start, rather than run without checkpoints.
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
