package votes.audit.replay;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import votes.events.key.PartitionKeys;
import votes.proofs.merkle.LedgerLeaf;
import votes.events.poll.Poll;
import votes.events.rule.Decision;
import votes.events.rule.LedgerBook;
import votes.events.rule.RejectionReason;
import votes.events.codec.VoteRecord;
import votes.events.vote.VoteSubmitted;

/**
 * The ledger, recomputed: every vote of {@code votes.submitted} judged by {@link LedgerBook} (the function the
 * ledger's batches use) in offset order per partition, against the polls folded from ALL poll-events first. A
 * (poll, voter) lives on one partition (key = poll + voter), so interleaving partitions changes no verdict.
 * Pure: the caller feeds records, from Kafka or from a test.
 */
public final class VoteReplay {

    private static final int POISON_SHOWN = 5;

    private final Map<String, Poll> polls;
    private final String pollFilter;
    private final Map<Integer, Set<Long>> wantedSizes;
    private final Map<Integer, Long> legacyUpTo;
    private final LedgerBook book;
    private final Map<UUID, Expected> expected = new HashMap<>();
    private final Set<UUID> rejectedEvents = new HashSet<>();
    private final Map<String, Map<String, Long>> tallies = new HashMap<>();
    private final Map<Integer, RootHistory> logs = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    private final List<String> poisonShown = new ArrayList<>();
    private final List<ExpectedLetter> letters = new ArrayList<>();
    private long events;
    private long recorded;
    private long rejected;
    private long redeliveries;
    private long poison;
    private long keysChecked;
    private long misKeyed;
    private String firstMisKeyed;

    /**
     * @param pollFilter audit only this poll (verdicts of the others are still applied: Merkle roots need all), or null
     * @param wantedSizes partition → the log sizes whose roots will be compared (checkpoints, the ledger's size)
     * @param legacyUpTo partition → the last offset recorded before the Merkle log existed (its records are no leaves)
     */
    public VoteReplay(Map<String, Poll> polls, String pollFilter, Map<Integer, Set<Long>> wantedSizes,
                      Map<Integer, Long> legacyUpTo) {
        this.polls = Map.copyOf(polls);
        this.pollFilter = pollFilter;
        this.wantedSizes = Map.copyOf(wantedSizes);
        this.legacyUpTo = Map.copyOf(legacyUpTo);
        this.book = new LedgerBook(this.polls::get);
    }

    /**
     * @param key the record's key as the producer set it: a vote keyed otherwise than (poll, voter) may share no
     *            partition with the voter's other votes, and then its verdict depends on how partitions interleave
     */
    public void accept(VoteSubmitted vote, String key, int partition, long offset) {
        events++;
        Decision decision = book.apply(vote);
        boolean audited = pollFilter == null || pollFilter.equals(vote.pollId());
        if (audited) {
            checkKey(vote, key, partition, offset);
        }
        if (decision instanceof Decision.Record) {
            recorded++;
            long leafIndex = -1;
            if (offset > legacyUpTo.getOrDefault(partition, -1L)) {
                RootHistory log = log(partition);
                leafIndex = log.size();
                log.append(LedgerLeaf.of(vote, partition, offset).hash());
            }
            if (audited) {
                put(vote, partition, offset, null, leafIndex);
                tallies.computeIfAbsent(intern(vote.pollId()), k -> new HashMap<>())
                        .merge(intern(vote.optionId()), 1L, Long::sum);
            }
        } else if (decision instanceof Decision.Reject reject) {
            // The ledger keeps the first rejection of an event (ON CONFLICT (event_id) DO NOTHING): so do we.
            if (rejectedEvents.add(vote.eventId())) {
                rejected++;
                if (audited) {
                    put(vote, partition, offset, reject.reason(), -1);
                }
            } else {
                redeliveries++;
            }
        } else {
            redeliveries++;
        }
    }

    /** One record as {@code VoteRecords} read it (or a refused-by-database letter made it): a vote, or poison. */
    public void accept(VoteRecord read, String key, int partition, long offset) {
        if (read instanceof VoteRecord.Vote vote) {
            accept(vote.vote(), key, partition, offset);
        } else {
            poison((VoteRecord.Poison) read, partition, offset);
        }
    }

    /**
     * Poison, judged as the ledger's batch plan judges it: dead-lettered always, and when it carries an event id (and
     * a known schema version) a {@code malformed} rejection keeping the fields it carries in storable form.
     */
    private void poison(VoteRecord.Poison read, int partition, long offset) {
        poison++;
        letters.add(new ExpectedLetter(partition, offset, read.reason(), read.value()));
        if (poisonShown.size() < POISON_SHOWN) {
            poisonShown.add(partition + "@" + offset + " (" + read.reason().slug() + "): " + read.detail());
        }
        if (!read.judged()) {
            return;
        }
        if (book.applyPoison(read.eventId()) instanceof Decision.Reject) {
            if (rejectedEvents.add(read.eventId())) {
                rejected++;
                if (pollFilter == null || pollFilter.equals(read.pollId())) {
                    expected.put(read.eventId(), new Expected(read.eventId(), intern(read.pollId()), read.voterId(),
                            intern(read.optionId()), read.submittedAt() == null ? null
                            : read.submittedAt().truncatedTo(ChronoUnit.MICROS), partition, offset,
                            RejectionReason.MALFORMED, -1));
                }
            } else {
                redeliveries++;
            }
        } else {
            redeliveries++;
        }
    }

    public ReplayOutcome finish(Map<Integer, Long> endOffsets, long pollEvents) {
        endOffsets.keySet().forEach(this::log);
        return new ReplayOutcome(expected, tallies, polls, logs, Map.copyOf(endOffsets),
                new ReplayOutcome.Counts(events, recorded, rejected, redeliveries, poison, pollEvents),
                List.copyOf(poisonShown), List.copyOf(letters), new ReplayOutcome.Keys(keysChecked, misKeyed,
                firstMisKeyed), VoidOutcome.none());
    }

    private void checkKey(VoteSubmitted vote, String key, int partition, long offset) {
        keysChecked++;
        String expected = PartitionKeys.vote(vote.pollId(), vote.voterId());
        if (!expected.equals(key)) {
            if (misKeyed++ == 0) {
                firstMisKeyed = "event " + vote.eventId() + ", poll " + vote.pollId() + ", votes.submitted " + partition
                        + "@" + offset + ": key " + (key == null ? "null" : "\"" + key + "\"") + ", expected \""
                        + expected + "\"";
            }
        }
    }

    private RootHistory log(int partition) {
        return logs.computeIfAbsent(partition, p -> new RootHistory(wantedSizes.getOrDefault(p, Set.of())));
    }

    // LedgerBook records an event id at most once (a reused id is ALREADY_RECORDED), and rejectedEvents keeps the
    // first rejection: a recorded verdict is never replaced here.
    private void put(VoteSubmitted vote, int partition, long offset, RejectionReason reason,
                     long leafIndex) {
        expected.put(vote.eventId(), new Expected(vote.eventId(), intern(vote.pollId()), vote.voterId(),
                intern(vote.optionId()), vote.submittedAt().truncatedTo(ChronoUnit.MICROS), partition, offset, reason,
                leafIndex));
    }

    // A million votes name a handful of polls and options: one String each instead of a million copies.
    private String intern(String s) {
        if (s == null) {
            return null;
        }
        String known = interned.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
