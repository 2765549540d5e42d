package votes.audit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import votes.proofs.checkpoint.Ed25519Keys;

/** The checkpoint key the auditor trusts, or why there is none. */
record TrustedKey(PublicKey key, String problem) {

    static TrustedKey load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new TrustedKey(null, "no trusted public key at " + file.toAbsolutePath()
                    + " (set CHECKPOINT_PUBLIC_KEY_FILE or --public-key)");
        }
        try {
            return new TrustedKey(Ed25519Keys.loadPublic(file), null);
        } catch (RuntimeException e) {
            return new TrustedKey(null, "cannot read the public key " + file + ": " + e.getMessage());
        }
    }
}
