package votes.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;

class CheckpointSignerTest {

    @TempDir
    Path keys;

    @Test
    void aMatchingPairSignsCheckpointsThatVerifyWithItsPublicKey() {
        Path privatePem = keys.resolve("one-private.pem");
        Path publicPem = keys.resolve("one-public.pem");
        Ed25519Keys.ensure(privatePem, publicPem);

        CheckpointSigner signer = new CheckpointSigner(privatePem.toString(), publicPem.toString(), "origin-x");
        SignedCheckpoint signed = signer.sign(new Checkpoint("origin-x", 7, Instant.parse("2026-11-21T12:00:00Z"),
                List.of(new LogHead(0, 1, "00".repeat(32)))));

        assertThat(signed.verify(Ed25519Keys.loadPublic(publicPem))).isTrue();
        assertThat(signed.keyId()).isEqualTo(signer.keyId());
    }

    @Test
    void thePrivateKeyOfOnePairWithThePublicKeyOfAnotherStopsTheStart() {
        Ed25519Keys.ensure(keys.resolve("one-private.pem"), keys.resolve("one-public.pem"));
        Ed25519Keys.ensure(keys.resolve("two-private.pem"), keys.resolve("two-public.pem"));

        assertThatThrownBy(() -> new CheckpointSigner(keys.resolve("one-private.pem").toString(),
                keys.resolve("two-public.pem").toString(), "origin-x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not one pair")
                .hasMessageContaining("one-private.pem")
                .hasMessageContaining("two-public.pem");
    }

    @Test
    void missingKeyFilesStopTheStartWithWhatToDo() {
        assertThatThrownBy(() -> new CheckpointSigner(keys.resolve("none-private.pem").toString(),
                keys.resolve("none-public.pem").toString(), "origin-x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHECKPOINT_PRIVATE_KEY_FILE");
    }
}
