package votes.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** initdb and postgres refuse to run as root: as root we run them as the `postgres` OS user. */
final class OsUser {

    static final String POSTGRES = "postgres";

    private OsUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command, prefixed with runuser when we are root. */
    static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("runuser", "-u", POSTGRES, "--"));
        full.addAll(command);
        return full;
    }

    /** Gives the postgres user the folders it writes to (data, socket, log file). */
    static void handOver(Path... paths) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        try {
            owner = lookup.lookupPrincipalByName(POSTGRES);
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new IOException("we run as root but the OS user 'postgres' does not exist", e);
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    for (Path p : tree.toList()) {
                        Files.setOwner(p, owner);
                    }
                }
            } else if (Files.exists(path)) {
                Files.setOwner(path, owner);
            }
        }
    }
}
