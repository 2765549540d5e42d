package votes.audit.cli;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import votes.audit.check.LedgerAudit;
import votes.audit.check.Status;
import votes.audit.ledger.LedgerReader;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleState;
import votes.audit.progress.Progress;
import votes.audit.replay.LogReader;
import votes.audit.replay.PollFold;
import votes.audit.replay.ReplayOutcome;
import votes.audit.tally.PublishedTallies;
import votes.events.poll.Poll;
import votes.events.topic.Topics;

/**
 * The reading steps of {@code audit replay}, in the order {@link ReplayCommand} runs them. A step that finds the
 * audit cannot be complete throws {@link CouldNotRun}; what an operator should know besides goes to {@link #notes}.
 */
final class ReplaySteps {

    /** The ledger's rows as the checks saw them, and poll-events' fold once they were read (null when unchanged). */
    record LedgerRead(LedgerAudit audit, LedgerSnapshot snapshot, Map<String, Poll> pollsAfter) {
    }

    /** vote-tallies as last read (null when the topic does not exist), and the polls found live meanwhile. */
    record Published(Map<String, Map<String, Long>> tallies, Set<String> live) {
    }

    private final LogReader log;
    private final LedgerReader ledger;
    private final Progress progress;
    private final String poll;
    private final Duration settle;
    private final List<String> notes = new ArrayList<>();

    ReplaySteps(LogReader log, LedgerReader ledger, Progress progress, String poll, Duration settle) {
        this.log = log;
        this.ledger = ledger;
        this.progress = progress;
        this.poll = poll;
        this.settle = settle;
    }

    List<String> notes() {
        return notes;
    }

    /** The Merkle state, then both topics' end offsets, once sure the log still starts at offset 0. */
    ReplaySources sources(String kafka) throws SQLException, CouldNotRun {
        MerkleState merkle = ledger.merkleState();
        List<TopicPartition> votePartitions = log.partitions(Topics.VOTES_SUBMITTED);
        List<TopicPartition> pollPartitions = log.partitions(Topics.POLL_EVENTS);
        if (votePartitions == null || pollPartitions == null) {
            throw new CouldNotRun("topic " + (votePartitions == null ? Topics.VOTES_SUBMITTED : Topics.POLL_EVENTS)
                    + " does not exist at " + kafka);
        }
        List<String> truncated = new ArrayList<>();
        for (List<TopicPartition> topic : List.of(votePartitions, pollPartitions)) {
            Map<Integer, Long> firsts = log.truncated(topic);
            if (!firsts.isEmpty()) {
                truncated.add(topic.get(0).topic() + " " + new TreeMap<>(firsts));
            }
        }
        if (!truncated.isEmpty()) {
            throw new CouldNotRun("the log no longer starts at offset 0 (retention deleted events): partition → first"
                    + " offset " + String.join(", ", truncated) + "; a replay cannot be complete");
        }
        Map<Integer, Long> voteEnds = log.endOffsets(votePartitions);
        return new ReplaySources(merkle, pollPartitions, voteEnds, log.endOffsets(pollPartitions));
    }

    /** poll-events folded up to its end offsets; the audited poll must be in it or in the ledger. */
    PollFold polls(ReplaySources sources) throws SQLException, CouldNotRun {
        PollFold polls = fold(sources.pollEnds());
        if (polls.undecodable() > 0) {
            notes.add(polls.undecodable() + " undecodable poll events skipped (the ledger skips them too)");
        }
        if (poll != null && !polls.polls().containsKey(poll) && ledger.polls(poll).isEmpty()) {
            throw new CouldNotRun("no poll " + poll + " in poll-events nor in the ledger");
        }
        return polls;
    }

    /**
     * The ledger first: it appends a batch's dead letters before it commits the batch's offsets, so once it reached
     * the end offsets every letter of a record below them is in votes.dead-letter. Rows it has not written yet would
     * show as missing: not a discrepancy, an audit too early.
     */
    void awaitLedger(String group, ReplaySources sources) throws Exception {
        Map<Integer, Long> behind = log.awaitGroup(group, Topics.VOTES_SUBMITTED, sources.voteEnds(), settle);
        if (!behind.isEmpty()) {
            throw new CouldNotRun("the ledger (group " + group + ") did not reach the log's end offsets within"
                    + " --settle " + settle.toSeconds() + " s: committed " + new TreeMap<>(behind) + " < end "
                    + new TreeMap<>(sources.voteEnds()) + "; the audit would be incomplete (run it again once the"
                    + " ledger caught up, or with a longer --settle)");
        }
    }

    /** Poison is no discrepancy (item 13 checks it was dead-lettered), but an operator should know of it. */
    void notePoison(ReplayOutcome outcome) {
        if (outcome.counts().poison() > 0) {
            notes.add(outcome.counts().poison() + " poison records in " + Topics.VOTES_SUBMITTED + " (dead-lettered;"
                    + " malformed when they carry an event id), first: " + String.join("; ", outcome.poisonShown()));
        }
    }

    /** The polls table trails poll-events the same way: a poll the projector has not stored yet is no discrepancy. */
    void awaitPollProjector(String group, ReplaySources sources) throws Exception {
        Map<Integer, Long> behind = log.awaitGroup(group, Topics.POLL_EVENTS, sources.pollEnds(), settle);
        if (!behind.isEmpty()) {
            throw new CouldNotRun("the ledger's poll projector (group " + group + ") did not reach the end of "
                    + Topics.POLL_EVENTS + " within --settle " + settle.toSeconds() + " s: committed "
                    + new TreeMap<>(behind) + " < end " + new TreeMap<>(sources.pollEnds())
                    + "; run the audit again once it caught up");
        }
    }

    /**
     * Every row through the checks. Polls created or closed while the audit ran are in the ledger already: poll-events
     * is folded again to tell them from a poll the ledger got wrong.
     */
    LedgerRead readLedger(ReplaySources sources, ReplayOutcome outcome) throws SQLException {
        LedgerAudit audit = new LedgerAudit(outcome, poll, sources.merkle());
        LedgerSnapshot snapshot = ledger.read(poll, audit::voids, audit::vote, audit::rejection, progress);
        Map<Integer, Long> pollEndsAfter = log.endOffsets(sources.pollPartitions());
        Map<String, Poll> pollsAfter = pollEndsAfter.equals(sources.pollEnds()) ? null : fold(pollEndsAfter).polls();
        return new LedgerRead(audit, snapshot, pollsAfter);
    }

    /** The projections trail the ledger by design: vote-tallies is read again until it holds or --settle ends. */
    Published readPublished(ReplaySources sources, LedgerAudit audit) throws Exception {
        List<TopicPartition> partitions = log.partitions(Topics.VOTE_TALLIES);
        if (partitions == null) {
            return new Published(null, Set.of());
        }
        long deadline = System.nanoTime() + settle.toNanos();
        Set<String> live = Set.of();
        PublishedTallies tallies;
        while (true) {
            tallies = readTallies(partitions);
            if (audit.published(tallies.tallies(), live).status() != Status.FAIL) {
                break;
            }
            // Differences: are they votes that arrived while the audit ran? The ledger knows (a scan).
            live = ledger.pollsPast(sources.voteEnds());
            if (audit.published(tallies.tallies(), live).status() != Status.FAIL || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(LogReader.SETTLE_INTERVAL.toMillis());
        }
        if (tallies.undecodable() > 0) {
            notes.add(tallies.undecodable() + " undecodable records in " + Topics.VOTE_TALLIES + " skipped");
        }
        return new Published(tallies.tallies(), live);
    }

    /** Every poll event below {@code ends}, folded as the ledger's projector folds them. */
    private PollFold fold(Map<Integer, Long> ends) {
        PollFold polls = new PollFold();
        progress.start(Topics.POLL_EVENTS, sum(ends));
        log.read(Topics.POLL_EVENTS, ends, (partition, offset, key, value) -> {
            polls.accept(partition, offset, value);
            progress.advance(1);
        });
        progress.finish();
        return polls;
    }

    private PublishedTallies readTallies(List<TopicPartition> partitions) {
        PublishedTallies tallies = new PublishedTallies();
        Map<Integer, Long> ends = log.endOffsets(partitions);
        progress.start(Topics.VOTE_TALLIES, sum(ends));
        log.read(Topics.VOTE_TALLIES, ends, (partition, offset, key, value) -> {
            tallies.accept(key, value);
            progress.advance(1);
        });
        progress.finish();
        return tallies;
    }

    static long sum(Map<Integer, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }
}
