package votes.infra.postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings we add to initdb's defaults, and the access rules: loopback only, SCRAM-SHA-256 for every connection.
 * {@code archiveDir} is where completed WAL segments are copied for point-in-time recovery.
 */
public record PostgresConfig(int port, Path socketDir, Path archiveDir) {

    public static final String DATABASE = "votes";

    /**
     * The most WAL a replication slot (the CDC relay's) may hold back before PostgreSQL invalidates it. Without a
     * cap a relay that is down or stuck pins WAL until the disk is full and the ledger stops writing; with it the
     * slot is lost instead and the relay has to re-snapshot (safe: projections skip delta ids they applied). The
     * ledger writes ~600 bytes of WAL per vote (perf/RESULTS.md, audit section), so 2 GB is ~3.5 million votes of
     * relay lag: ~17 h at the 57 votes/s the full path sustained here, ~5 min of a 12k rows/s ledger catch-up.
     * The slot lag alert fires well below this (infra/README.md: at 512 MB), so someone can act before the slot
     * is lost. Disk bound for pg_wal: max_wal_size (1 GB) + this + WAL not yet archived.
     */
    static final String MAX_SLOT_WAL_KEEP_SIZE = "2GB";

    /**
     * A segment is archived when it is full or when this many seconds passed since the last switch with WAL
     * written: the RPO of a restore from base backup + archive alone (the server's own pg_wal lost) is at most
     * this plus the copy. Each forced switch archives a whole 16 MB segment, so shorter costs archive disk; an
     * idle server writes no WAL and switches nothing.
     */
    static final int ARCHIVE_TIMEOUT_SECONDS = 60;

    public PostgresConfig {
        requireShellSafe(archiveDir);
    }

    /** Included from postgresql.conf and rewritten at every start, so a changed port takes effect. */
    public String conf() {
        List<String> lines = serverLines("# Written by votes-infra at every start.");
        lines.addAll(List.of(
                "max_slot_wal_keep_size = " + MAX_SLOT_WAL_KEEP_SIZE,
                // WAL archive for point-in-time recovery: base backup + these segments restore to any time.
                "archive_mode = on",
                "archive_command = '" + archiveCommand() + "'",
                "archive_timeout = " + ARCHIVE_TIMEOUT_SECONDS,
                ""));
        return String.join("\n", lines);
    }

    /**
     * The settings of a restored copy of a base backup: the same server settings (a hot standby needs
     * max_connections and friends at least as high as the primary's), segments read back from the archive,
     * recovery stopped at {@code targetTime} and the copy promoted. It archives nothing: a restored copy that
     * wrote its new timeline into the live stack's archive would steer the next real restore onto that timeline.
     */
    public String restoreConf(String targetTime) {
        if (targetTime.contains("'")) {
            throw new IllegalArgumentException("not a timestamp: " + targetTime);
        }
        List<String> lines = serverLines("# Written by votes-infra for a restored copy (point-in-time recovery).");
        lines.addAll(List.of(
                "archive_mode = off",
                "restore_command = '" + restoreCommand() + "'",
                "recovery_target_time = '" + targetTime + "'",
                "recovery_target_action = 'promote'",
                ""));
        return String.join("\n", lines);
    }

    /**
     * Run by PostgreSQL through sh for each completed segment (%p: its path under the data dir, %f: its name).
     * Copies under a temporary name, fsyncs, renames and fsyncs the folder, so a crash never leaves a partial
     * segment under the real name. A segment already archived is accepted only when identical (PostgreSQL retries
     * after a crash between our copy and its own bookkeeping); a different file is never overwritten: exit 1, a
     * line in the server log, and the segment stays in pg_wal until someone looks (pg_stat_archiver.failed_count).
     */
    public String archiveCommand() {
        return "d=\"" + archiveDir + "\"; f=\"$d/%f\"; "
                + "if [ -f \"$f\" ]; then cmp -s \"%p\" \"$f\" || { echo \"archive: $f exists and differs from %p;"
                + " not overwritten\" >&2; exit 1; }; "
                + "else cp \"%p\" \"$f.partial\" && sync \"$f.partial\" && mv \"$f.partial\" \"$f\" && sync \"$d\"; fi";
    }

    /** Its counterpart for recovery: a missing file exits non-zero, which PostgreSQL reads as "end of archive". */
    public String restoreCommand() {
        return "cp \"" + archiveDir + "/%f\" \"%p\"";
    }

    private List<String> serverLines(String header) {
        return new ArrayList<>(List.of(
                header,
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                // Debezium (CDC relay) reads the ledger's WAL through a logical replication slot.
                "wal_level = logical",
                "max_replication_slots = 10",
                "max_wal_senders = 10",
                // Durability is the point of the ledger: keep fsync and synchronous_commit at their safe defaults.
                "fsync = on",
                "password_encryption = 'scram-sha-256'",
                "max_connections = 200",
                "shared_buffers = 128MB"));
    }

    /** The archive path goes into a shell command inside a quoted setting; PostgreSQL expands % in it. */
    private static void requireShellSafe(Path dir) {
        String text = dir.toString();
        for (char c : text.toCharArray()) {
            if ("'\"$`\\%\n\r".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the WAL archive folder must not contain quotes, $, `, \\, % or"
                        + " line breaks (it goes into archive_command): " + text);
            }
        }
    }

    /**
     * Every connection authenticates with SCRAM-SHA-256, the stack's own local socket included: any local process
     * could otherwise append to the ledger as any role. Only loopback TCP is listened on at all.
     */
    public static String hba() {
        return String.join("\n",
                "# Written by votes-infra at every start: SCRAM-SHA-256 for every connection.",
                "local   all             all                                     scram-sha-256",
                "local   replication     all                                     scram-sha-256",
                "host    all             all             127.0.0.1/32            scram-sha-256",
                "host    replication     all             127.0.0.1/32            scram-sha-256",
                "");
    }

    /** Whether a pg_hba.conf lets anyone in without a password (an older stack's). */
    static boolean trusts(String hba) {
        return hba.lines().map(String::strip).filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\strust$"));
    }
}
