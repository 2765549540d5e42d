package votes.infra.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparison of a rebuilt ledger database with the original, pure: everything it needs was read beforehand.
 * The log's end offsets taken at the start are the common ground: both ledgers have judged every record below them,
 * and a live original may have recorded more since, so counts are taken below them and Merkle roots at the common
 * size of each log.
 *
 * @param original      the original database's facts
 * @param rebuilt       the rebuilt one's
 * @param originalRoots roots of the original's logs at {@link #commonSizes} (recomputed from its tiles)
 * @param rebuiltRoots  roots of the rebuilt logs at {@link #commonSizes} and at every copied checkpoint's sizes
 * @param checkpoints   the original's checkpoints
 * @param copiedUpTo    the checkpoints copied into the rebuilt database, 1.. this sequence number
 * @param votesMoved    votes.submitted grew while the rebuild ran (the original may count votes past the end offsets)
 * @param pollsMoved    poll-events grew while the rebuild ran
 */
public record RebuildChecks(LedgerFacts original, LedgerFacts rebuilt, Map<LogAt, String> originalRoots,
                            Map<LogAt, String> rebuiltRoots, CheckpointHeads checkpoints, OptionalLong copiedUpTo,
                            boolean votesMoved, boolean pollsMoved) {

    /** Logs whose sizes differ (one ledger recorded past the other): log id → the smaller size, to compare at. */
    static Map<Integer, Set<Long>> commonSizes(LedgerFacts original, LedgerFacts rebuilt) {
        Map<Integer, Set<Long>> sizes = new TreeMap<>();
        for (int log : logIds(original, rebuilt)) {
            long o = size(original, log);
            long r = size(rebuilt, log);
            if (o != r) {
                sizes.put(log, new TreeSet<>(Set.of(Math.min(o, r))));
            }
        }
        return sizes;
    }

    public List<Check> checks() {
        return List.of(merkleLogs(), checkpointRoots(), votes(), rejections(), polls(), tallies(), voids());
    }

    public boolean allHold() {
        return checks().stream().allMatch(Check::holds);
    }

    Check merkleLogs() {
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<Integer> logs = logIds(original, rebuilt);
        for (int log : logs) {
            long o = size(original, log);
            long r = size(rebuilt, log);
            if (o == r) {
                String ro = root(original, log);
                String rr = root(rebuilt, log);
                if (!Objects.equals(ro, rr)) {
                    differences.add("log " + log + ": " + n(o) + " leaves in both, root " + shortHex(ro)
                            + " in the original, " + shortHex(rr) + " rebuilt");
                }
                continue;
            }
            LogAt common = new LogAt(log, Math.min(o, r));
            String ro = originalRoots.get(common);
            String rr = rebuiltRoots.get(common);
            String sizes = "log " + log + ": " + n(o) + " leaves in the original, " + n(r) + " rebuilt";
            if (ro == null || rr == null || !ro.equals(rr)) {
                differences.add(sizes + "; at " + n(common.size()) + " leaves the original's root is " + shortHex(ro)
                        + ", the rebuilt one " + shortHex(rr));
            } else {
                notes.add(sizes + " (" + (o > r ? "the original recorded past the end offsets" : "the rebuild read past"
                        + " them") + "); same root at " + n(common.size()) + " leaves");
            }
        }
        String summary = logs.size() + " logs, " + n(rebuilt.leaves()) + " leaves rebuilt"
                + (notes.isEmpty() ? ", same size and root as the original" : "");
        return Check.of("Merkle logs: same size and root", summary, differences, notes);
    }

    Check checkpointRoots() {
        String title = "checkpoints: copied, and their roots are the rebuilt logs' roots";
        if (checkpoints.count() == 0) {
            return Check.of(title, "the original has no checkpoint; none copied", List.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        long copied = copiedUpTo.orElse(checkpoints.first() - 1);
        if (copied < checkpoints.last()) {
            notes.add((checkpoints.last() - copied) + " checkpoints (" + range(copied + 1, checkpoints.last())
                    + ") state logs past the rebuilt ones (issued for votes after the end offsets): not copied");
        }
        if (copiedUpTo.isEmpty()) {
            return Check.of(title, "none copied", List.of(), notes);
        }
        List<String> differences = new ArrayList<>();
        List<CheckpointHeads.Head> heads = checkpoints.upTo(copied);
        for (CheckpointHeads.Head head : heads) {
            String rebuiltRoot = rebuiltRoots.get(new LogAt(head.log(), head.size()));
            if (!head.root().equals(rebuiltRoot)) {
                differences.add("checkpoint " + range(head.firstSequence(), Math.min(head.lastSequence(), copied))
                        + ": log " + head.log() + " at " + n(head.size()) + " leaves states " + shortHex(head.root())
                        + ", the rebuilt log's root there is " + shortHex(rebuiltRoot));
            }
        }
        String summary = "checkpoints " + range(checkpoints.first(), copied) + " copied; their " + heads.size()
                + " distinct log heads checked against the rebuilt tiles";
        return Check.of(title, summary, differences, notes);
    }

    Check votes() {
        List<String> differences = differences(original.votesBelowEnds(), rebuilt.votesBelowEnds(), "votes");
        long polls = rebuilt.votesBelowEnds().keySet().stream().map(PollOption::poll).distinct().count();
        return Check.of("votes below the end offsets: same count per (poll, option)",
                n(rebuilt.votesBelowEndsTotal()) + " votes in " + polls + " polls", differences, List.of());
    }

    Check rejections() {
        List<String> differences = differences(original.rejectionsBelowEnds(), rebuilt.rejectionsBelowEnds(),
                "rejections");
        List<String> perReason = new ArrayList<>();
        new TreeMap<>(rebuilt.rejectionsBelowEnds()).forEach((reason, count) -> perReason.add(n(count) + " " + reason));
        long total = rebuilt.rejectionsBelowEnds().values().stream().mapToLong(Long::longValue).sum();
        return Check.of("rejections below the end offsets: same count per reason", n(total) + " rejections"
                + (perReason.isEmpty() ? "" : " (" + String.join(", ", perReason) + ")"), differences, List.of());
    }

    Check polls() {
        return Check.of("polls: same rows (title, options, window, close)", n(rebuilt.polls().size()) + " polls",
                perPoll(original.polls(), rebuilt.polls(), "", "title, options, window or close differ"), List.of());
    }

    /**
     * The voids each poll applied (vote_voids): same events, same verdicts, same leaves, as many votes voided. A
     * rebuild folds poll-events before any vote, so its ledger voids each vote as it records it (ledger/README.md,
     * "Rebuild from the log"); a void the live ledger applied before a vote it names was recorded voided none there
     * and names the poll here (ledger/README.md, "Voids", known limit 1).
     */
    Check voids() {
        return Check.of("voids: the same per poll (votes voided, counted, leaves)", n(rebuilt.voids().size())
                + " polls with voids", perPoll(original.voids(), rebuilt.voids(), "voids ",
                "its voids differ (votes voided, counted or leaves)"), List.of());
    }

    /**
     * "poll p: [what ]only in the rebuilt database" or "poll p: differ" for every poll whose digests differ, with
     * the caveat when poll-events grew meanwhile.
     */
    private List<String> perPoll(Map<String, String> originals, Map<String, String> rebuilts, String what,
                                 String differ) {
        List<String> differences = new ArrayList<>();
        Set<String> ids = new TreeSet<>(originals.keySet());
        ids.addAll(rebuilts.keySet());
        for (String poll : ids) {
            String o = originals.get(poll);
            String r = rebuilts.get(poll);
            if (o == null || r == null) {
                differences.add("poll " + poll + ": " + what + "only in the " + (o == null ? "rebuilt" : "original")
                        + " database");
            } else if (!o.equals(r)) {
                differences.add("poll " + poll + ": " + differ);
            }
        }
        if (!differences.isEmpty() && pollsMoved) {
            differences.add("(poll-events grew while the rebuild ran: run it again on a quiet log to tell)");
        }
        return differences;
    }

    Check tallies() {
        String title = "tally_deltas: same sums per (poll, option)";
        if (!votesMoved) {
            long total = rebuilt.tallies().values().stream().mapToLong(Long::longValue).sum();
            return Check.of(title, n(total) + " votes counted by the deltas in both",
                    differences(original.tallies(), rebuilt.tallies(), "counted"), List.of());
        }
        // The original counts votes recorded past the end offsets: each side must add up to its own votes, and
        // check 3 ties the votes below the ends together.
        List<String> differences = new ArrayList<>();
        differences(original.recorded(), original.tallies(), "counted").forEach(d -> differences.add("original " + d));
        differences(rebuilt.recorded(), rebuilt.tallies(), "counted").forEach(d -> differences.add("rebuilt " + d));
        return Check.of(title, "votes.submitted grew while the rebuild ran: each database's sums equal its own votes",
                differences, List.of());
    }

    /** "poll p / option a: 12 votes in the original, 11 rebuilt" for every key whose counts differ. */
    private static <K extends Comparable<K>> List<String> differences(Map<K, Long> original, Map<K, Long> rebuilt,
                                                                      String what) {
        Set<K> keys = new TreeSet<>(original.keySet());
        keys.addAll(rebuilt.keySet());
        List<String> differences = new ArrayList<>();
        for (K key : keys) {
            long o = original.getOrDefault(key, 0L);
            long r = rebuilt.getOrDefault(key, 0L);
            if (o != r) {
                differences.add(key + ": " + n(o) + " " + what + " in the original, " + n(r) + " rebuilt");
            }
        }
        return differences;
    }

    private static Set<Integer> logIds(LedgerFacts original, LedgerFacts rebuilt) {
        Set<Integer> logs = new TreeSet<>(original.logs().keySet());
        logs.addAll(rebuilt.logs().keySet());
        return logs;
    }

    private static long size(LedgerFacts facts, int log) {
        LedgerFacts.Head head = facts.logs().get(log);
        return head == null ? 0 : head.size();
    }

    private static String root(LedgerFacts facts, int log) {
        LedgerFacts.Head head = facts.logs().get(log);
        return head == null ? null : head.root();
    }

    private static String range(long from, long to) {
        return from == to ? Long.toString(from) : from + "–" + to;
    }

    static String shortHex(String hex) {
        return hex == null ? "(none)" : hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }

    static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
