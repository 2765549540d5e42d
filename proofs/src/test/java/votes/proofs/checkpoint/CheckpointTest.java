package votes.proofs.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.events.codec.EventCodec;

class CheckpointTest {

    @TempDir
    Path keys;

    private static Checkpoint checkpoint() {
        return new Checkpoint("votes-ledger-test", 7, Instant.parse("2026-11-21T08:00:00.123456789Z"), List.of(
                new LogHead(1, 12, "aa".repeat(32)), new LogHead(0, 5, "bb".repeat(32))));
    }

    @Test
    void theSignedNoteListsEveryLogByIdWithMicrosecondTime() {
        assertThat(new String(checkpoint().signedBytes(), StandardCharsets.UTF_8)).isEqualTo("""
                votes-ledger checkpoint v1
                origin votes-ledger-test
                sequence 7
                issued-at 2026-11-21T08:00:00.123456Z
                log 0 5 %s
                log 1 12 %s
                """.formatted("bb".repeat(32), "aa".repeat(32)));
        assertThat(checkpoint().log(1).size()).isEqualTo(12);
        assertThat(checkpoint().log(2)).isNull();
    }

    @Test
    void aSignedCheckpointVerifiesWithItsKeyAfterAJsonRoundTripAndNotWithAnother() {
        Path privatePem = keys.resolve("checkpoint-private.pem");
        Path publicPem = keys.resolve("checkpoint-public.pem");
        assertThat(Ed25519Keys.ensure(privatePem, publicPem)).isTrue();
        assertThat(Ed25519Keys.ensure(privatePem, publicPem)).as("an existing pair is kept").isFalse();
        PublicKey trusted = Ed25519Keys.loadPublic(publicPem);
        SignedCheckpoint signed = Ed25519Keys.sign(checkpoint(), Ed25519Keys.loadPrivate(privatePem), trusted);

        SignedCheckpoint parsed = EventCodec.fromJson(EventCodec.toJson(signed), SignedCheckpoint.class);

        assertThat(parsed).isEqualTo(signed);
        assertThat(parsed.verify(trusted)).isTrue();
        assertThat(parsed.keyId()).isEqualTo(Ed25519Keys.keyId(trusted)).hasSize(16);
        assertThat(Ed25519Keys.fromBase64(parsed.publicKey())).isEqualTo(trusted);

        Path otherPrivate = keys.resolve("other-private.pem");
        Path otherPublic = keys.resolve("other-public.pem");
        Ed25519Keys.ensure(otherPrivate, otherPublic);
        assertThat(parsed.verify(Ed25519Keys.loadPublic(otherPublic))).isFalse();
    }

    @Test
    void changingAnySignedFieldBreaksTheSignature() throws Exception {
        Path privatePem = keys.resolve("p.pem");
        Path publicPem = keys.resolve("k.pem");
        Ed25519Keys.ensure(privatePem, publicPem);
        PublicKey trusted = Ed25519Keys.loadPublic(publicPem);
        SignedCheckpoint signed = Ed25519Keys.sign(checkpoint(), Ed25519Keys.loadPrivate(privatePem), trusted);
        Checkpoint c = signed.checkpoint();

        List<Checkpoint> forged = List.of(
                new Checkpoint(c.origin(), c.sequence() + 1, c.issuedAt(), c.logs()),
                new Checkpoint("someone-else", c.sequence(), c.issuedAt(), c.logs()),
                new Checkpoint(c.origin(), c.sequence(), c.issuedAt().plusMillis(1), c.logs()),
                new Checkpoint(c.origin(), c.sequence(), c.issuedAt(), List.of(new LogHead(0, 6, "bb".repeat(32)),
                        new LogHead(1, 12, "aa".repeat(32)))),
                new Checkpoint(c.origin(), c.sequence(), c.issuedAt(), List.of(new LogHead(0, 5, "cc".repeat(32)),
                        new LogHead(1, 12, "aa".repeat(32)))));
        for (Checkpoint f : forged) {
            assertThat(new SignedCheckpoint(f, signed.signature(), signed.publicKey(), signed.keyId()).verify(trusted))
                    .as("%s", f).isFalse();
        }
        assertThat(new SignedCheckpoint(c, "not base64!", signed.publicKey(), signed.keyId()).verify(trusted)).isFalse();
        assertThat(Files.readString(privatePem)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aPrivateKeyIsNeverReplacedAndNeverReadableByOthers() throws Exception {
        Path privatePem = keys.resolve("private.pem");
        Path publicPem = keys.resolve("public.pem");
        Ed25519Keys.ensure(privatePem, publicPem);
        assertThat(java.nio.file.Files.getPosixFilePermissions(privatePem))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String original = Files.readString(privatePem);
        Files.delete(publicPem);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ed25519Keys.ensure(privatePem, publicPem))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("restore");
        assertThat(Files.readString(privatePem)).isEqualTo(original);
    }

    @Test
    void headsThatCouldMakeTheNoteAmbiguousAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LogHead(0, 1, "aa".repeat(31) + "\nl"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LogHead(0, -1, "aa".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Checkpoint("o", 1, Instant.EPOCH,
                List.of(new LogHead(0, 1, "aa".repeat(32)), new LogHead(0, 2, "bb".repeat(32)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
