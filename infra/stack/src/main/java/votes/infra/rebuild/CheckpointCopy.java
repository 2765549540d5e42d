package votes.infra.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import votes.infra.postgres.Psql;

/** Signed checkpoints moved from one ledger database to another as they are, signatures included. */
final class CheckpointCopy {

    static final String COLUMNS = "sequence, origin, issued_at, body, signature, key_id, public_key";

    private CheckpointCopy() {
    }

    /** Copies checkpoints {@code ..upTo} of {@code from} into {@code to}, through a file under {@code scratch}. */
    static void upTo(Psql psql, String from, String to, long upTo, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path file = Files.createTempFile(scratch, "checkpoints", ".copy");
            try {
                String quoted = "'" + file.toString().replace("'", "''") + "'";
                psql.query(from, "\\copy (SELECT " + COLUMNS + " FROM checkpoints WHERE sequence <= " + upTo
                        + " ORDER BY sequence) TO " + quoted);
                psql.query(to, "\\copy checkpoints (" + COLUMNS + ") FROM " + quoted);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
