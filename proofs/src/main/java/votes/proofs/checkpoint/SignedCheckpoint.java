package votes.proofs.checkpoint;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A checkpoint with its Ed25519 signature (base64), the signer's public key (base64 X.509) and key id. Whoever
 * verifies passes the key they trust: the embedded one only says which key the ledger claims to use.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String signature, String publicKey, String keyId) {

    public boolean verify(PublicKey trusted) {
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(trusted);
            verifier.update(checkpoint.signedBytes());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
