package votes.audit.check;

import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleLogRow;
import votes.audit.ledger.MerkleState;
import votes.audit.ledger.RejectionRow;
import votes.audit.ledger.VoteRow;
import votes.audit.replay.Expected;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.RootHistory;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleHash;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

/**
 * Compares the replay with the ledger. The rows are streamed in (partition, leaf/offset) order through
 * {@link #vote} and {@link #rejection} and looked up in the replay's hash map, so a million rows cost a million
 * map lookups, not a million queries; everything else is small. Pure: the tests feed it in-memory data.
 */
public final class LedgerAudit {

    public static final String T1 = "every vote in the log is in the ledger (recorded or rejected)";
    public static final String T2 = "every recorded vote is the one the rule records (poll, voter, option, time, position)";
    public static final String T3 = "every rejection is the rule's, with the rule's reason";
    public static final String T4 = "every ledger row comes from an event in the log";
    public static final String T5 = "no event is both recorded and rejected";
    public static final String T6 = "the ledger's polls are the polls folded from poll-events";
    public static final String T7 = "no voter recorded twice in a poll";
    public static final String T8 = "tallies = ledger: the log's count = votes rows = tally_deltas sums";
    public static final String T9 = "published tallies (vote-tallies) = the log's count";
    public static final String T10 = "Merkle logs: the ledger's roots = the log's, the rows hash to them";
    public static final String T11 = "checkpoints: signed by the trusted key, numbered 1, 2, 3 … without gaps, every (size, root) = the log's";
    public static final String T12 = "every vote is keyed by (poll, voter)";

    /** The ledger numbers its checkpoints from 1, each the previous + 1: a gap is a checkpoint removed. */
    static final long FIRST_CHECKPOINT = 1;

    private final ReplayOutcome replay;
    private final String pollFilter;
    private final Tracker missing = new Tracker(1, T1);
    private final Tracker recordedRule = new Tracker(2, T2);
    private final Tracker rejectedRule = new Tracker(3, T3);
    private final Tracker orphans = new Tracker(4, T4);
    private final Tracker both = new Tracker(5, T5);
    private final Tracker leafOrder = new Tracker(10, T10);
    private final Map<String, Map<String, Long>> rowTallies = new HashMap<>();
    private final Map<Integer, RootHistory> rowLogs = new HashMap<>();
    private final Map<Integer, Set<Long>> wantedSizes;
    private long voteRows;
    private long rejectionRows;
    private long beyondReplay;
    private final Set<String> pollsPastEnd = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    public LedgerAudit(ReplayOutcome replay, String pollFilter, MerkleState merkle) {
        this.replay = replay;
        this.pollFilter = pollFilter;
        this.wantedSizes = merkle.wantedSizes();
    }

    /** The next {@code votes} row, in (partition, leaf index, offset) order. */
    public void vote(VoteRow row) {
        if (row.offset() >= replay.endOffsets().getOrDefault(row.partition(), 0L)) {
            beyondReplay++; // written after the replay's end offsets were taken: not ours to judge
            pollsPastEnd.add(row.pollId());
            return;
        }
        hashRow(row);
        if (!audited(row.pollId())) {
            return;
        }
        voteRows++;
        rowTallies.computeIfAbsent(row.pollId(), k -> new HashMap<>()).merge(row.optionId(), 1L, Long::sum);
        Expected e = replay.expected().get(row.eventId());
        if (e == null) {
            orphans.fail("votes row " + row.eventId() + " (poll " + row.pollId() + ", voter " + row.voterId()
                    + ", option " + row.optionId() + ", votes.submitted " + row.partition() + "@" + row.offset()
                    + "): no such event in votes.submitted");
            return;
        }
        orphans.pass();
        e.markSeen(Expected.SEEN_RECORDED);
        if (!e.recorded()) {
            recordedRule.fail(e.where() + ": the rule rejects it (" + e.reason().slug() + "), found recorded (option "
                    + row.optionId() + ")");
            return;
        }
        String diff = differences(e, row.pollId(), row.voterId(), row.optionId(), row.submittedAt(), row.partition(),
                row.offset());
        if (diff.isEmpty()) {
            recordedRule.pass();
        } else {
            recordedRule.fail(e.where() + ": " + diff);
        }
        if (e.leafIndex() >= 0 && !Objects.equals(row.leafIndex(), e.leafIndex())) {
            leafOrder.fail(e.where() + ": leaf_index expected " + e.leafIndex() + ", found " + row.leafIndex());
        }
    }

    /** The next {@code rejections} row, in (partition, offset) order. */
    public void rejection(RejectionRow row) {
        if (row.offset() >= replay.endOffsets().getOrDefault(row.partition(), 0L)) {
            beyondReplay++;
            return;
        }
        if (!audited(row.pollId())) {
            return;
        }
        rejectionRows++;
        Expected e = replay.expected().get(row.eventId());
        if (e == null) {
            orphans.fail("rejections row " + row.eventId() + " (poll " + row.pollId() + ", reason " + row.reason()
                    + ", votes.submitted " + row.partition() + "@" + row.offset() + "): no such event in votes.submitted");
            return;
        }
        orphans.pass();
        if ((e.seen() & Expected.SEEN_RECORDED) != 0) {
            both.fail(e.where() + ": in votes and in rejections (" + row.reason() + ")");
        }
        e.markSeen(Expected.SEEN_REJECTED);
        if (e.recorded()) {
            rejectedRule.fail(e.where() + ": the rule records it (option " + e.optionId() + "), found rejected ("
                    + row.reason() + ")");
            return;
        }
        String diff = differences(e, row.pollId(), row.voterId(), row.optionId(), row.submittedAt(), row.partition(),
                row.offset());
        if (!e.reason().slug().equals(row.reason())) {
            diff = (diff.isEmpty() ? "" : diff + "; ") + "reason expected " + e.reason().slug() + ", found " + row.reason();
        }
        if (diff.isEmpty()) {
            rejectedRule.pass();
        } else {
            rejectedRule.fail(e.where() + ": " + diff);
        }
    }

    /**
     * The checklist, once every row went through.
     *
     * @param published poll → option → votes from vote-tallies, or null when the topic does not exist
     * @param live polls with votes recorded past the replay's end offsets (besides those the rows showed): their
     *             published tallies count votes the replay did not judge, so they are not compared
     * @param pollsAfter the polls folded from poll-events once the ledger was read, or null: a poll that differs
     *                   from the replay's fold only because it was created or closed meanwhile is a note
     * @param trusted the key checkpoints must be signed with, or null (then {@code keyProblem} says why)
     */
    public Checklist finish(LedgerSnapshot ledger, MerkleState merkle, Map<String, Map<String, Long>> published,
                            Set<String> live, Map<String, Poll> pollsAfter, PublicKey trusted, String keyProblem) {
        List<Check> checks = new ArrayList<>();
        checks.add(missingEvents());
        checks.add(recordedRule.result(count(recordedRule.checked()) + " recorded votes compared"));
        checks.add(rejectedRule.result(count(rejectedRule.checked()) + " rejections compared"));
        checks.add(orphans.result(count(voteRows + rejectionRows) + " rows (" + count(voteRows) + " votes, "
                + count(rejectionRows) + " rejections)" + (beyondReplay > 0
                ? "; " + count(beyondReplay) + " rows past the replay's end offsets not judged" : "")));
        checks.add(both.result(count(voteRows + rejectionRows) + " rows"));
        checks.add(polls(ledger.polls(), pollsAfter));
        checks.add(duplicateVoters(ledger));
        checks.add(tallies(ledger));
        checks.add(published(published, live, notes));
        checks.add(merkleLogs(merkle));
        checks.add(checkpoints(merkle, trusted, keyProblem));
        checks.add(keys());
        return new Checklist(checks);
    }

    /** What an operator should know to read the checklist (live polls left out, polls changed during the run). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Item 9 alone: the caller reads vote-tallies again until it holds or its patience ends, since the projections
     * trail the ledger by design.
     */
    public Check published(Map<String, Map<String, Long>> published, Set<String> live) {
        return published(published, live, null);
    }

    private boolean audited(String pollId) {
        return pollFilter == null || pollFilter.equals(pollId);
    }

    private void hashRow(VoteRow row) {
        if (row.leafIndex() == null) {
            return;
        }
        RootHistory log = rowLogs.computeIfAbsent(row.partition(),
                p -> new RootHistory(wantedSizes.getOrDefault(p, Set.of())));
        if (row.leafIndex() != log.size()) {
            // Rows arrive in leaf order: a gap is a deleted row, a repeat an inserted one.
            leafOrder.fail("partition " + row.partition() + ": leaf_index " + log.size() + " expected next, found "
                    + row.leafIndex() + " (event " + row.eventId() + ", votes.submitted " + row.partition() + "@"
                    + row.offset() + ")");
        }
        log.append(new LedgerLeaf(row.eventId(), row.pollId(), row.voterId(), row.optionId(), row.submittedAt(),
                row.partition(), row.offset()).hash());
    }

    private Check missingEvents() {
        Expected first = null;
        long recorded = 0;
        long rejected = 0;
        for (Expected e : replay.expected().values()) {
            if (e.recorded()) {
                recorded++;
            } else {
                rejected++;
            }
            if (e.seen() == 0) {
                missing.failAlreadyCounted(null);
                if (first == null || e.partition() < first.partition()
                        || (e.partition() == first.partition() && e.offset() < first.offset())) {
                    first = e;
                }
            }
        }
        ReplayOutcome.Counts c = replay.counts();
        String summary = count(recorded + rejected) + " events (" + count(recorded) + " recorded, " + count(rejected)
                + " rejected)" + (pollFilter == null ? "; whole log " + count(c.events()) + " votes, "
                + count(c.redeliveries()) + " redeliveries, " + count(c.poison()) + " poison" : "");
        String offender = first == null ? null
                : first.where() + ": expected " + first.verdict() + ", found in neither votes nor rejections";
        return new Check(1, T1, missing.failures() == 0 ? Status.PASS : Status.FAIL, recorded + rejected,
                missing.failures(), summary, offender);
    }

    private Check polls(Map<String, Poll> ledgerPolls, Map<String, Poll> pollsAfter) {
        Tracker t = new Tracker(6, T6);
        Set<String> ids = new TreeSet<>();
        replay.polls().keySet().stream().filter(this::audited).forEach(ids::add);
        ledgerPolls.keySet().stream().filter(this::audited).forEach(ids::add);
        for (String id : ids) {
            Poll log = replay.polls().get(id);
            Poll ledger = ledgerPolls.get(id);
            Poll after = pollsAfter == null ? null : pollsAfter.get(id);
            boolean changedSince = ledger != null && after != null && !after.equals(log)
                    && pollDifferences(after, ledger).isEmpty();
            if (changedSince) {
                // Created or closed after the replay read poll-events; the ledger has poll-events' later state.
                notes.add("poll " + id + " was " + (log == null ? "created" : "changed (closed)")
                        + " in poll-events while the audit ran: the ledger matches poll-events' later state");
                t.pass();
            } else if (log == null) {
                t.fail("poll " + id + " is in the ledger but poll-events has no PollCreated for it");
            } else if (ledger == null) {
                t.fail("poll " + id + " is in poll-events but not in the ledger's polls table");
            } else {
                String diff = pollDifferences(log, ledger);
                if (diff.isEmpty()) {
                    t.pass();
                } else {
                    t.fail("poll " + id + ": " + diff);
                }
            }
        }
        return t.result(count(ids.size()) + " polls");
    }

    private Check duplicateVoters(LedgerSnapshot ledger) {
        if (ledger.duplicates().pairs() == 0) {
            return new Check(7, T7, Status.PASS, voteRows, 0, count(voteRows) + " recorded votes, every (poll, voter) once", null);
        }
        return new Check(7, T7, Status.FAIL, voteRows, ledger.duplicates().pairs(),
                count(ledger.duplicates().pairs()) + " (poll, voter) pairs recorded more than once",
                ledger.duplicates().first());
    }

    private Check tallies(LedgerSnapshot ledger) {
        Tracker t = new Tracker(8, T8);
        Set<String> keys = new TreeSet<>();
        collectKeys(keys, replay.tallies());
        collectKeys(keys, rowTallies);
        collectKeys(keys, ledger.voteCounts());
        collectKeys(keys, ledger.deltaSums());
        long votes = 0;
        for (String key : keys) {
            String poll = key.substring(0, key.indexOf('\u0000'));
            String option = key.substring(key.indexOf('\u0000') + 1);
            if (!audited(poll)) {
                continue;
            }
            long fromLog = get(replay.tallies(), poll, option);
            long fromRows = get(rowTallies, poll, option);
            long counted = get(ledger.voteCounts(), poll, option);
            long deltas = get(ledger.deltaSums(), poll, option);
            votes += fromLog;
            if (fromLog != fromRows) {
                t.fail("poll " + poll + " option " + option + ": the log counts " + fromLog + ", the votes rows "
                        + fromRows);
            } else if (counted != deltas) {
                t.fail("poll " + poll + " option " + option + ": votes has " + counted + " rows, tally_deltas sum "
                        + deltas);
            } else {
                t.pass();
            }
        }
        return t.result(count(t.checked()) + " (poll, option) tallies, " + count(votes) + " votes");
    }

    private Check published(Map<String, Map<String, Long>> published, Set<String> live, List<String> notes) {
        if (published == null) {
            return Check.skip(9, T9, "topic vote-tallies does not exist (projections never ran)");
        }
        Tracker t = new Tracker(9, T9);
        Set<String> polls = new TreeSet<>();
        replay.tallies().keySet().stream().filter(this::audited).forEach(polls::add);
        published.keySet().stream().filter(this::audited).forEach(polls::add);
        Set<String> notCompared = new TreeSet<>();
        for (String poll : polls) {
            if (pollsPastEnd.contains(poll) || live.contains(poll)) {
                notCompared.add(poll);
                continue;
            }
            Map<String, Long> log = nonZero(replay.tallies().get(poll));
            Map<String, Long> shown = published.get(poll);
            if (shown == null) {
                t.fail("poll " + poll + ": the log counts " + log + ", vote-tallies has no tally for it");
            } else if (!log.equals(nonZero(shown))) {
                t.fail("poll " + poll + ": the log counts " + log + ", vote-tallies shows " + nonZero(shown));
            } else {
                t.pass();
            }
        }
        if (notes != null && !notCompared.isEmpty()) {
            notes.add("published tallies not compared for " + notCompared.size() + " live poll(s) " + notCompared
                    + ": votes recorded past the replay's end offsets, which the replay did not judge");
        }
        return t.result(count(t.checked()) + " polls" + (notCompared.isEmpty() ? ""
                : ", " + count(notCompared.size()) + " live not compared"));
    }

    private Check merkleLogs(MerkleState merkle) {
        if (!merkle.available()) {
            return Check.skip(10, T10, "the ledger has no Merkle log (database before V3)");
        }
        Tracker t = leafOrder;
        long leaves = 0;
        for (MerkleLogRow row : new TreeMap<>(merkle.logs()).values()) {
            RootHistory log = replay.logs().get(row.log());
            long replayed = log == null ? 0 : log.size();
            leaves += row.size();
            byte[] expected = log == null ? (row.size() == 0 ? MerkleHash.emptyRoot() : null) : log.rootAt(row.size());
            if (expected == null) {
                t.fail("log " + row.log() + ": merkle_logs has " + row.size() + " leaves, the log yields only " + replayed);
                continue;
            }
            if (!java.util.Arrays.equals(expected, row.root())) {
                t.fail("log " + row.log() + " at size " + row.size() + ": the log's root " + MerkleHash.hex(expected)
                        + ", merkle_logs root " + MerkleHash.hex(row.root()));
                continue;
            }
            RootHistory rows = rowLogs.get(row.log());
            byte[] fromRows = rows == null ? (row.size() == 0 ? MerkleHash.emptyRoot() : null) : rows.rootAt(row.size());
            if (!java.util.Arrays.equals(expected, fromRows)) {
                t.fail("log " + row.log() + " at size " + row.size() + ": the votes rows hash to "
                        + (fromRows == null ? "nothing (" + (rows == null ? 0 : rows.size()) + " rows with a leaf index)"
                        : MerkleHash.hex(fromRows)) + ", the signed log's root is " + MerkleHash.hex(expected)
                        + " (a row was changed, deleted or added)");
                continue;
            }
            t.pass();
        }
        return t.result(count(merkle.logs().size()) + " logs, " + count(leaves) + " leaves");
    }

    private Check checkpoints(MerkleState merkle, PublicKey trusted, String keyProblem) {
        if (!merkle.available()) {
            return Check.skip(11, T11, "the ledger has no checkpoints table (database before V3)");
        }
        if (merkle.checkpoints().isEmpty()) {
            long leaves = merkle.logs().values().stream().mapToLong(MerkleLogRow::size).sum();
            // The ledger signs within a second of any new leaf: leaves without a checkpoint are checkpoints removed.
            return leaves == 0 ? Check.skip(11, T11, "no leaf and no checkpoint yet")
                    : new Check(11, T11, Status.FAIL, 1, 1, "does not hold", "the Merkle logs hold " + count(leaves)
                    + " leaves but the checkpoints table is empty");
        }
        Tracker t = new Tracker(11, T11);
        List<SignedCheckpoint> sorted = new ArrayList<>(merkle.checkpoints());
        sorted.sort(Comparator.comparingLong(s -> s.checkpoint().sequence()));
        long heads = 0;
        long next = FIRST_CHECKPOINT;
        for (SignedCheckpoint signed : sorted) {
            long sequence = signed.checkpoint().sequence();
            if (sequence != next) {
                t.failAlreadyCounted("checkpoint" + (sequence - next == 1 ? " #" + next : "s #" + next + " … #"
                        + (sequence - 1)) + " missing before #" + sequence + " (deleted? the ledger numbers them "
                        + FIRST_CHECKPOINT + ", " + (FIRST_CHECKPOINT + 1) + " … without gaps)");
            }
            next = sequence + 1;
            if (trusted != null && !signed.verify(trusted)) {
                t.fail("checkpoint #" + sequence + ": the signature does not verify with the trusted key (key id "
                        + signed.keyId() + ")");
                continue;
            }
            String bad = null;
            for (LogHead head : signed.checkpoint().logs()) {
                heads++;
                RootHistory log = replay.logs().get(head.log());
                byte[] root = log == null ? (head.size() == 0 ? MerkleHash.emptyRoot() : null) : log.rootAt(head.size());
                if (root == null) {
                    bad = "checkpoint #" + sequence + " log " + head.log() + ": size " + head.size()
                            + " is beyond the log's " + (log == null ? 0 : log.size()) + " leaves";
                    break;
                }
                if (!MerkleHash.hex(root).equals(head.root())) {
                    bad = "checkpoint #" + sequence + " log " + head.log() + " size " + head.size() + ": the log's root "
                            + MerkleHash.hex(root) + ", the checkpoint says " + head.root();
                    break;
                }
            }
            if (bad == null) {
                t.pass();
            } else {
                t.fail(bad);
            }
        }
        Check result = t.result(count(sorted.size()) + " checkpoints (#" + sorted.get(0).checkpoint().sequence() + " … #"
                + sorted.get(sorted.size() - 1).checkpoint().sequence() + "), " + count(heads) + " log heads"
                + (trusted == null ? "; signatures NOT checked: " + keyProblem : ", signatures verified"));
        if (trusted == null && result.status() == Status.PASS) {
            return new Check(11, T11, Status.ERROR, result.checked(), 0, result.summary(), null);
        }
        return result;
    }

    private Check keys() {
        ReplayOutcome.Keys keys = replay.keys();
        return new Check(12, T12, keys.wrong() == 0 ? Status.PASS : Status.FAIL, keys.checked(), keys.wrong(),
                count(keys.checked()) + " records' keys = poll + voter (one voter's votes share a partition, so the"
                        + " verdicts do not depend on how partitions interleave)", keys.first());
    }

    private static String differences(Expected e, String pollId, String voterId, String optionId, Instant submittedAt,
                                      int partition, long offset) {
        List<String> diffs = new ArrayList<>(2);
        // Null-safe: a malformed rejection keeps NULL where its record carried nothing storable.
        if (!Objects.equals(e.pollId(), pollId)) {
            diffs.add("poll_id expected " + e.pollId() + ", found " + pollId);
        }
        if (!Objects.equals(e.voterId(), voterId)) {
            diffs.add("voter_id expected " + e.voterId() + ", found " + voterId);
        }
        if (!Objects.equals(e.optionId(), optionId)) {
            diffs.add("option_id expected " + e.optionId() + ", found " + optionId);
        }
        if (!Objects.equals(e.submittedAt(), submittedAt == null ? null : submittedAt.truncatedTo(ChronoUnit.MICROS))) {
            diffs.add("submitted_at expected " + e.submittedAt() + ", found " + submittedAt);
        }
        if (e.partition() != partition || e.offset() != offset) {
            diffs.add("position expected " + e.partition() + "@" + e.offset() + ", found " + partition + "@" + offset);
        }
        return String.join("; ", diffs);
    }

    private static String pollDifferences(Poll log, Poll ledger) {
        List<String> diffs = new ArrayList<>();
        List<String> logOptions = log.options().stream().map(PollOption::id).toList();
        List<String> ledgerOptions = ledger.options().stream().map(PollOption::id).toList();
        if (!logOptions.equals(ledgerOptions)) {
            diffs.add("options expected " + logOptions + ", found " + ledgerOptions);
        }
        compare(diffs, "opens_at", log.opensAt(), ledger.opensAt());
        compare(diffs, "closes_at", log.closesAt(), ledger.closesAt());
        compare(diffs, "closed_at", log.closedAt(), ledger.closedAt());
        return String.join("; ", diffs);
    }

    private static void compare(List<String> diffs, String column, Instant log, Instant ledger) {
        Instant a = log == null ? null : log.truncatedTo(ChronoUnit.MICROS);
        Instant b = ledger == null ? null : ledger.truncatedTo(ChronoUnit.MICROS);
        if (!Objects.equals(a, b)) {
            diffs.add(column + " expected " + a + ", found " + b);
        }
    }

    private static void collectKeys(Set<String> keys, Map<String, Map<String, Long>> tallies) {
        tallies.forEach((poll, options) -> options.keySet().forEach(option -> keys.add(poll + '\u0000' + option)));
    }

    private static long get(Map<String, Map<String, Long>> tallies, String poll, String option) {
        Map<String, Long> options = tallies.get(poll);
        return options == null ? 0 : options.getOrDefault(option, 0L);
    }

    private static Map<String, Long> nonZero(Map<String, Long> tally) {
        Map<String, Long> shown = new TreeMap<>();
        if (tally != null) {
            tally.forEach((option, votes) -> {
                if (votes != 0) {
                    shown.put(option, votes);
                }
            });
        }
        return shown;
    }

    static String count(long n) {
        return String.format("%,d", n);
    }
}
