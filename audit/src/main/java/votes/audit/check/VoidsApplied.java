package votes.audit.check;

import static votes.audit.check.Check.count;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import votes.audit.ledger.VoidRow;
import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;
import votes.audit.replay.ExpectedVoid;
import votes.audit.replay.VoidOutcome;

/**
 * Item 14: the voids of poll-events are applied as the rule says: {@code votes.void_event_id}/{@code voided_at}/
 * {@code void_reason} set on exactly the votes the replay voids, by the same void, and one {@code vote_voids} row per
 * VotesVoided with the replay's counts, verdict and position. A void appended to poll-events after the replay took
 * its end offsets is not judged: its rows are a note, its poll live (its published tally is not compared).
 */
public final class VoidsApplied implements AuditCheck {

    public static final int NUMBER = 14;
    public static final String TITLE = "voids applied as the log says (vote_voids; votes voided by exactly their void)";

    private final Tracker tracker = new Tracker(NUMBER, TITLE);
    private final VoidOutcome voids;
    /** The ledger's vote_voids rows, null on a database before V9. */
    private List<VoidRow> rows;
    private final Set<UUID> late = new HashSet<>();
    private final Set<String> latePolls = new TreeSet<>();
    private long votesCompared;

    public VoidsApplied(VoidOutcome voids) {
        this.voids = voids;
    }

    @Override
    public void voids(List<VoidRow> rows) {
        this.rows = rows;
        if (rows != null) {
            rows.stream().filter(row -> voids.beyond(row.partition(), row.offset())).forEach(row -> {
                late.add(row.eventId());
                latePolls.add(row.pollId());
            });
        }
    }

    /** True when this votes row was voided by a void the replay did not read (appended while the audit ran). */
    boolean voidedLate(VoteRow row) {
        return row.voided() != null && late.contains(row.voided().eventId());
    }

    @Override
    public void vote(VoteRow row, Expected e) {
        if (e == null || !e.recorded()) {
            return; // items 2 and 4's
        }
        votesCompared++;
        ExpectedVoid expected = e.voidedBy();
        VoteRow.VoidMark found = row.voided();
        if (found == null || voidedLate(row)) {
            if (expected == null) {
                tracker.pass();
            } else {
                tracker.fail(e.where() + ": voided by " + expected.where() + " per the log, the ledger "
                        + (found == null ? "counts it" : "shows void event " + found.eventId() + " (after the end offsets)"));
            }
        } else if (expected == null) {
            tracker.fail(e.where() + ": the log leaves it counted, the ledger voided it (void event " + found.eventId()
                    + ", " + found.reason() + ")");
        } else {
            tracker.compare(e.where(), differences(expected, found));
        }
    }

    @Override
    public Check verdict(Evidence evidence) {
        Map<UUID, ExpectedVoid> expected = voids.expected();
        if (rows == null) {
            if (expected.isEmpty() && tracker.failures() == 0) {
                return Check.skip(NUMBER, TITLE, "no VotesVoided in poll-events and no vote_voids table (database"
                        + " before V9)");
            }
            tracker.fail(count(expected.size()) + " VotesVoided in poll-events but the ledger has no vote_voids table"
                    + " (database before V9: it never applied a void)");
        } else {
            compareRows(expected, evidence);
        }
        if (!latePolls.isEmpty()) {
            evidence.note(late.size() + " void(s) appended to poll-events while the audit ran, not judged; polls "
                    + latePolls + " are live for the published tallies");
        }
        VoidOutcome.Counts c = voids.counts();
        return tracker.result(count(c.events()) + " voids in poll-events (" + count(c.reappended()) + " re-appended), "
                + count(expected.size()) + " audited: " + count(c.counted()) + " counted, " + count(c.votesVoided())
                + " votes voided; " + count(votesCompared) + " recorded votes compared");
    }

    /** Polls voided past the replay's end offsets: their published tallies run ahead of the replay. */
    Set<String> latePolls() {
        return latePolls;
    }

    private void compareRows(Map<UUID, ExpectedVoid> expected, Evidence evidence) {
        Set<UUID> seen = new HashSet<>();
        for (VoidRow row : rows) {
            if (!evidence.scope().audited(row.pollId()) || late.contains(row.eventId())) {
                continue;
            }
            ExpectedVoid e = expected.get(row.eventId());
            if (e == null) {
                tracker.fail("vote_voids row of event " + row.eventId() + " (poll " + row.pollId() + ", poll-events "
                        + row.partition() + "@" + row.offset() + "): no such VotesVoided in poll-events");
            } else {
                seen.add(row.eventId());
                tracker.compare(e.where(), differences(e, row));
            }
        }
        expected.values().stream().filter(e -> !seen.contains(e.eventId()))
                .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()))
                .forEach(e -> tracker.fail(e.where() + ": no vote_voids row"));
    }

    private static String differences(ExpectedVoid e, VoteRow.VoidMark found) {
        List<String> diffs = new ArrayList<>();
        differ(diffs, "void_event_id", e.eventId(), found.eventId());
        differ(diffs, "voided_at", e.voidedAt(), micros(found.voidedAt()));
        differ(diffs, "void_reason", e.reason(), found.reason());
        return String.join("; ", diffs);
    }

    private static String differences(ExpectedVoid e, VoidRow row) {
        List<String> diffs = new ArrayList<>();
        differ(diffs, "poll_id", e.pollId(), row.pollId());
        differ(diffs, "flag_id", e.flagId(), row.flagId());
        differ(diffs, "reason", e.reason(), row.reason());
        differ(diffs, "voided_at", e.voidedAt(), micros(row.voidedAt()));
        differ(diffs, "named_votes", e.namedVotes(), row.namedVotes());
        differ(diffs, "voided_votes", e.voidedVotes(), row.voidedVotes());
        differ(diffs, "counted", e.counted(), row.counted());
        differ(diffs, "position", e.partition() + "@" + e.offset(), row.partition() + "@" + row.offset());
        differ(diffs, "log_id", e.logId(), row.logId());
        differ(diffs, "leaf_index", e.leafIndex(), row.leafIndex());
        return String.join("; ", diffs);
    }

    private static void differ(List<String> diffs, String column, Object expected, Object found) {
        if (!Objects.equals(expected, found)) {
            diffs.add(column + " expected " + expected + ", found " + found);
        }
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
