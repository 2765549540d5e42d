package votes.infra.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a point-in-time-recovery drill did and measured. It passed when the restored server holds exactly the
 * marker rows committed before the target time.
 *
 * @param committedBeforeTarget   marker row ids the live server committed before the target time
 * @param committedAfterTarget    marker row ids committed after it (a restore to the target must not have them)
 * @param restored                marker row ids the restored server has
 * @param timings                 the restore's stages from the start of the copy; {@code promoted} is the RTO
 * @param lastCommitBeforeTarget  target time minus the newest commit the restored server replayed: how much of the
 *                                time before the target the restore could not bring back
 * @param archiveAgeAtTarget      at the target time, how long ago the newest archived segment was archived: an
 *                                archive-only restore then (pg_wal lost with the server) loses up to this
 * @param commitToArchived        only when waiting for archive_timeout: from the last commit to its segment in the
 *                                archive, i.e. how long that commit was exposed
 * @param ledgerVotesAtTarget     {@code count(*) FROM votes} on the live ledger at the target time, if it has one
 * @param ledgerVotesRestored     the same count on the restored server
 */
public record PitrDrillReport(Path backup, long backupBytes, Duration backupTook, boolean backupKept,
                              String targetTime, List<Long> committedBeforeTarget, List<Long> committedAfterTarget,
                              List<Long> restored, RestoreTimings timings,
                              Optional<Duration> lastCommitBeforeTarget, Optional<Duration> archiveAgeAtTarget,
                              Optional<Duration> commitToArchived, OptionalLong ledgerVotesAtTarget,
                              OptionalLong ledgerVotesRestored) {

    /** The stages of a restore, each measured from the start of the copy; {@code promoted} is the RTO. */
    public record RestoreTimings(Duration copied, Duration acceptingQueries, Duration promoted) {
    }

    public boolean passed() {
        return restored.equals(committedBeforeTarget);
    }

    public Duration rto() {
        return timings.promoted();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(passed()
                ? "PASSED: the restored server has the " + restored.size() + " rows committed before " + targetTime
                        + " and none of the " + committedAfterTarget.size() + " after it"
                : "FAILED: restored rows " + restored + ", expected exactly " + committedBeforeTarget
                        + " (rows after the target: " + committedAfterTarget + ")");
        lines.add(String.format(Locale.ROOT, "RTO %s: copy of the backup %s, accepting queries %s, promoted %s",
                seconds(rto()), seconds(timings.copied()), seconds(timings.acceptingQueries()),
                seconds(timings.promoted())));
        lines.add("RPO of this restore: the newest commit it replayed is " + lastCommitBeforeTarget.map(d -> seconds(d))
                .orElse("(none)") + " before the target");
        lines.add("RPO from the archive alone at the target time: the newest archived segment was archived "
                + archiveAgeAtTarget.map(d -> seconds(d) + " earlier").orElse("never")
                + " (bounded by archive_timeout = " + PostgresConfig.ARCHIVE_TIMEOUT_SECONDS + " s plus the copy)");
        commitToArchived.ifPresent(d -> lines.add("Last commit reached the archive " + seconds(d)
                + " after it was made (no forced switch: archive_timeout did it)"));
        if (ledgerVotesAtTarget.isPresent()) {
            lines.add("Ledger votes: " + ledgerVotesAtTarget.getAsLong() + " at the target time, "
                    + (ledgerVotesRestored.isPresent() ? ledgerVotesRestored.getAsLong() : "?") + " restored");
        }
        lines.add(String.format(Locale.ROOT, "Base backup: %.1f MB in %s, %s", backupBytes / 1e6, seconds(backupTook),
                backupKept ? "kept in " + backup : "removed (--clean)"));
        return lines;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
