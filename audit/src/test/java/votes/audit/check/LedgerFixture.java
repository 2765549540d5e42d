package votes.audit.check;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.ledger.DuplicateVoters;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleLogRow;
import votes.audit.ledger.MerkleState;
import votes.audit.ledger.RejectionRow;
import votes.audit.ledger.VoteRow;
import votes.audit.ledger.VoidRow;
import votes.audit.replay.LoggedVoid;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.VoidReplay;
import votes.audit.replay.VoteReplay;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.codec.VoteRecord;
import votes.events.codec.VoteRecords;
import votes.events.key.PartitionKeys;
import votes.proofs.merkle.CompactRange;
import votes.proofs.merkle.LedgerLeaf;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.VoidLeaf;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.events.poll.VotesVoided;
import votes.events.rule.Decision;
import votes.events.rule.LedgerBook;
import votes.events.vote.VoteSubmitted;

/**
 * A small log and the ledger a faithful ledger would have written from it (judged by the same LedgerBook, in
 * offset order), as rows the tests can then tamper with: the real rule, the real hashes, a real Ed25519 key.
 */
final class LedgerFixture {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00.123456Z");
    static final Poll SONG = new Poll("song", "Best song", List.of(new PollOption("a", "A"), new PollOption("b", "B")),
            null, null, T0.plusSeconds(60), T0.minusSeconds(10));
    static final Poll COLOR = new Poll("color", "Best color", List.of(new PollOption("red", "Red"),
            new PollOption("blue", "Blue")), null, null, null, T0.minusSeconds(10));
    static final int PARTITIONS = 2;

    /** One record of the log: a vote, or poison (then {@link #vote()} is null). */
    record Event(VoteRecord read, String key, int partition, long offset) {

        Event(VoteSubmitted vote, String key, int partition, long offset) {
            this(new VoteRecord.Vote(vote, null), key, partition, offset);
        }

        VoteSubmitted vote() {
            return read instanceof VoteRecord.Vote v ? v.vote() : null;
        }
    }

    final List<Event> log = new ArrayList<>();
    final List<VoteRow> votes = new ArrayList<>();
    final List<RejectionRow> rejections = new ArrayList<>();
    final Map<String, Poll> polls = Map.of(SONG.pollId(), SONG, COLOR.pollId(), COLOR);
    /** The ledger's polls table: poll-events' fold unless a test makes them differ. */
    final Map<String, Poll> ledgerPolls = new HashMap<>(polls);
    /** The last audit run, for its notes. */
    LedgerAudit audit;
    final Map<Integer, MerkleLogRow> merkleLogs = new HashMap<>();
    final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    final PublicKey publicKey;
    final PrivateKey privateKey;
    private final long[] offsets = new long[PARTITIONS];
    /** The VotesVoided of poll-events (song's on partition 0, the others on 1), in the order appended. */
    final List<LoggedVoid> voids = new ArrayList<>();
    private final long[] pollOffsets = new long[PARTITIONS];
    /** The ledger's vote_voids; null: a database before V9. */
    List<VoidRow> voidRows = new ArrayList<>();
    /** Added to the ledger's tally_deltas sums (a test's tampering): poll → option → votes. */
    final Map<String, Map<String, Long>> extraDeltas = new HashMap<>();

    LedgerFixture(Path keys) {
        Ed25519Keys.ensure(keys.resolve("private.pem"), keys.resolve("public.pem"));
        privateKey = Ed25519Keys.loadPrivate(keys.resolve("private.pem"));
        publicKey = Ed25519Keys.loadPublic(keys.resolve("public.pem"));
    }

    /** The usual mix: valid votes on both polls, a second vote of one voter, a late vote, an unknown option. */
    static LedgerFixture mixed(Path keys) {
        LedgerFixture f = new LedgerFixture(keys);
        for (int i = 0; i < 40; i++) {
            f.submit("song", "voter-" + i, i % 3 == 0 ? "b" : "a", T0.plusSeconds(i));
        }
        for (int i = 0; i < 10; i++) {
            f.submit("color", "voter-" + i, i % 2 == 0 ? "red" : "blue", T0.plusSeconds(i));
        }
        f.submit("song", "voter-1", "b", T0.plusSeconds(50));       // a duplicate
        f.submit("song", "late", "a", T0.plusSeconds(61));          // after the close
        f.submit("color", "picky", "green", T0.plusSeconds(5));     // unknown option
        f.submit("nope", "lost", "a", T0.plusSeconds(5));           // unknown poll
        f.writeLedger();
        return f;
    }

    void submit(String poll, String voter, String option, Instant at) {
        int partition = Math.floorMod((poll + voter).hashCode(), PARTITIONS);
        log.add(new Event(VoteSubmitted.of(UUID.randomUUID(), poll, voter, option, at, null, null),
                PartitionKeys.vote(poll, voter), partition, offsets[partition]++));
    }

    /** Appends poison (as VoteRecords reads its bytes) to partition 0. */
    VoteRecord.Poison poison(byte[] value) {
        VoteRecord.Poison read = (VoteRecord.Poison) VoteRecords.read(value);
        log.add(new Event(read, "poison", 0, offsets[0]++));
        return read;
    }

    /** What a faithful ledger writes: rows, Merkle heads and one signed checkpoint at the end, one halfway. */
    void writeLedger() {
        LedgerBook book = new LedgerBook(polls::get);
        CompactRange[] ranges = new CompactRange[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            ranges[p] = new CompactRange();
        }
        int half = log.size() / 2;
        for (int i = 0; i < log.size(); i++) {
            Event e = log.get(i);
            if (e.read() instanceof VoteRecord.Poison p) {
                if (p.judged() && book.applyPoison(p.eventId()) instanceof Decision.Reject) {
                    rejections.add(new RejectionRow(p.eventId(), p.pollId(), p.voterId(), p.optionId(), "malformed",
                            p.submittedAt(), e.partition(), e.offset()));
                }
            } else {
                VoteSubmitted v = e.vote();
                Decision d = book.apply(v);
                if (d instanceof Decision.Record) {
                    long leaf = ranges[e.partition()].size();
                    ranges[e.partition()].append(LedgerLeaf.of(v, e.partition(), e.offset()).hash());
                    votes.add(new VoteRow(v.eventId(), v.pollId(), v.voterId(), v.optionId(), v.submittedAt(), e.partition(),
                            e.offset(), leaf));
                } else if (d instanceof Decision.Reject r) {
                    rejections.add(new RejectionRow(v.eventId(), v.pollId(), v.voterId(), v.optionId(), r.reason().slug(),
                            v.submittedAt(), e.partition(), e.offset()));
                }
            }
            if (i == half || i == log.size() - 1) {
                List<LogHead> heads = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    heads.add(new LogHead(p, ranges[p].size(), MerkleHash.hex(ranges[p].root())));
                }
                checkpoints.add(Ed25519Keys.sign(new Checkpoint("votes-ledger-test", checkpoints.size() + 1,
                        T0.plusSeconds(i), heads), privateKey, publicKey));
            }
        }
        for (int p = 0; p < PARTITIONS; p++) {
            merkleLogs.put(p, new MerkleLogRow(p, ranges[p].size(), ranges[p].root()));
        }
        if (!voids.isEmpty()) {
            writeVoids(ranges);
        }
        votes.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.leafIndex(), b.leafIndex()));
        rejections.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
    }

    /** A ledger that applies voids dated after their poll's close too (a broken one): for the tests. */
    boolean voidsAfterClose;

    /** Appends a VotesVoided to poll-events (before {@link #writeLedger}). */
    VotesVoided voidVotes(String poll, Instant at, UUID... ids) {
        VotesVoided v = VotesVoided.of(UUID.randomUUID(), poll, "flag-" + voids.size(), "bot swarm", List.of(ids), at);
        reappend(v);
        return v;
    }

    /** Appends this VotesVoided (again) to its poll's partition of poll-events. */
    void reappend(VotesVoided v) {
        int partition = v.pollId().equals("song") ? 0 : 1;
        voids.add(new LoggedVoid(v, partition, pollOffsets[partition]++));
    }

    /**
     * What a faithful V9 ledger does with the voids, written plainly here (not with VoidReplay): the first of an event
     * id (a copy changes nothing) is a leaf of its void log, gets a vote_voids row and, when it counts, voids the
     * recorded votes of its poll it names that nothing voided before; then one more checkpoint signs vote and void
     * logs.
     */
    private void writeVoids(CompactRange[] voteRanges) {
        Map<Integer, CompactRange> voidRanges = new HashMap<>();
        Set<UUID> applied = new java.util.HashSet<>();
        List<LoggedVoid> ordered = new ArrayList<>(voids);
        ordered.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        for (LoggedVoid logged : ordered) {
            VotesVoided v = logged.event();
            if (!applied.add(v.eventId())) {
                continue;
            }
            int logId = VoidLeaf.logId(logged.partition());
            CompactRange range = voidRanges.computeIfAbsent(logId, id -> new CompactRange());
            long leaf = range.size();
            range.append(VoidLeaf.of(v, logged.partition(), logged.offset()).hash());
            Poll poll = polls.get(v.pollId());
            boolean counted = poll != null && (voidsAfterClose || poll.effectiveCloseAt() == null
                    || v.voidedAt().isBefore(poll.effectiveCloseAt()));
            int voided = 0;
            for (int i = 0; counted && i < votes.size(); i++) {
                VoteRow row = votes.get(i);
                if (v.voteIds().contains(row.eventId()) && row.pollId().equals(v.pollId()) && row.voided() == null) {
                    votes.set(i, new VoteRow(row.eventId(), row.pollId(), row.voterId(), row.optionId(),
                            row.submittedAt(), row.partition(), row.offset(), row.leafIndex(),
                            new VoteRow.VoidMark(v.eventId(), v.voidedAt(), v.reason())));
                    voided++;
                }
            }
            voidRows.add(new VoidRow(v.eventId(), v.pollId(), v.flagId(), v.reason(), v.voidedAt(),
                    v.voteIds().size(), voided, counted, logged.partition(), logged.offset(), logId, leaf));
        }
        List<LogHead> heads = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            heads.add(new LogHead(p, voteRanges[p].size(), MerkleHash.hex(voteRanges[p].root())));
        }
        voidRanges.forEach((id, range) -> {
            heads.add(new LogHead(id, range.size(), MerkleHash.hex(range.root())));
            merkleLogs.put(id, new MerkleLogRow(id, range.size(), range.root()));
        });
        checkpoints.add(Ed25519Keys.sign(new Checkpoint("votes-ledger-test", checkpoints.size() + 1,
                T0.plusSeconds(3600), heads), privateKey, publicKey));
    }

    MerkleState merkle() {
        return new MerkleState(true, merkleLogs, checkpoints, Map.of());
    }

    ReplayOutcome replay(String poll) {
        VoteReplay replay = new VoteReplay(polls, poll, merkle().wantedSizes(), Map.of());
        log.forEach(e -> replay.accept(e.read(), e.key(), e.partition(), e.offset()));
        Map<Integer, Long> ends = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            ends.put(p, offsets[p]);
        }
        ReplayOutcome votes = replay.finish(ends, polls.size() + voids.size());
        Map<Integer, Long> pollEnds = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            pollEnds.put(p, pollOffsets[p]);
        }
        return votes.withVoids(new VoidReplay(polls, poll, merkle().wantedSizes()).replay(voids, pollEnds,
                votes.expected()));
    }

    /** The end offsets the replay reads up to: partition → next offset. */
    long end(int partition) {
        return offsets[partition];
    }

    /** The audit of the current rows; vote-tallies as published = the ledger's counts unless given. */
    Checklist audit(String poll, Map<String, Map<String, Long>> published, PublicKey trusted) {
        return audit(poll, published, trusted, Set.of(), null);
    }

    /** The audit itself, with the live system's inputs: polls voted past the end offsets, poll-events' later fold. */
    Checklist audit(String poll, Map<String, Map<String, Long>> published, PublicKey trusted, Set<String> live,
                    Map<String, Poll> pollsAfter) {
        ReplayOutcome outcome = replay(poll);
        audit = new LedgerAudit(outcome, poll, merkle());
        audit.voids(voidRows == null ? null
                : voidRows.stream().filter(r -> poll == null || poll.equals(r.pollId())).toList());
        votes.forEach(audit::vote);
        rejections.forEach(audit::rejection);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        votes.stream().filter(v -> (poll == null || poll.equals(v.pollId())) && v.voided() == null).forEach(v ->
                counts.computeIfAbsent(v.pollId(), k -> new HashMap<>()).merge(v.optionId(), 1L, Long::sum));
        Map<String, Map<String, Long>> deltas = new HashMap<>();
        counts.forEach((p, options) -> deltas.put(p, new HashMap<>(options)));
        extraDeltas.forEach((p, options) -> options.forEach((option, extra) ->
                deltas.computeIfAbsent(p, k -> new HashMap<>()).merge(option, extra, Long::sum)));
        Map<String, Poll> ledgerPolls = new HashMap<>(this.ledgerPolls);
        if (poll != null) {
            ledgerPolls.keySet().removeIf(id -> !id.equals(poll));
        }
        LedgerSnapshot snapshot = new LedgerSnapshot(ledgerPolls, counts, deltas, new DuplicateVoters(0, null));
        return audit.finish(snapshot, merkle(), published == null ? counts : published, live, pollsAfter, trusted,
                trusted == null ? "no key in this test" : null, lettersOf(outcome));
    }

    /** votes.dead-letter as a faithful ledger leaves it: one letter per poison record the replay finds. */
    static PublishedLetters lettersOf(ReplayOutcome outcome) {
        PublishedLetters letters = new PublishedLetters();
        outcome.letters().forEach(letter -> letters.accept(PoisonDeadLetteredTest.letter(letter.partition(),
                letter.offset(), letter.reason(), letter.value() == null ? new byte[0] : letter.value())));
        return letters;
    }

    Checklist audit() {
        return audit(null, null, publicKey);
    }

    /** Sets (or, with null, clears) the void columns of a recorded vote's row, as a tampered ledger would; returns it. */
    VoteRow markVoided(String poll, String voter, VoteRow.VoidMark mark) {
        VoteRow row = recorded(poll, voter);
        VoteRow marked = new VoteRow(row.eventId(), row.pollId(), row.voterId(), row.optionId(), row.submittedAt(),
                row.partition(), row.offset(), row.leafIndex(), mark);
        votes.set(votes.indexOf(row), marked);
        return marked;
    }

    VoteRow recorded(String poll, String voter) {
        return votes.stream().filter(v -> v.pollId().equals(poll) && v.voterId().equals(voter)).findFirst().orElseThrow();
    }
}
