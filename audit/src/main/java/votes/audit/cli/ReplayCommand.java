package votes.audit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import votes.audit.check.Check;
import votes.audit.check.Checklist;
import votes.audit.check.DeadLetterAudit;
import votes.audit.check.LedgerAudit;
import votes.audit.check.ReplayReport;
import votes.audit.check.ReportText;
import votes.audit.check.Status;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.ledger.LedgerReader;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleState;
import votes.audit.progress.Progress;
import votes.audit.replay.LogReader;
import votes.audit.replay.PollFold;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.VoteReplay;
import votes.audit.tally.PublishedTallies;
import votes.proofs.checkpoint.LogHead;
import votes.events.codec.EventCodec;
import votes.events.codec.VoteRecord;
import votes.events.codec.VoteRecords;
import votes.events.deadletter.DeadLetter;
import votes.events.deadletter.DeadLetterReason;
import votes.events.topic.Topics;
import votes.proofs.merkle.MerkleHash;
import votes.events.poll.Poll;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays poll-events and votes.submitted from offset 0 with the ledger rule from events/ and " +
                "checks the ledger (PostgreSQL), the published tallies (vote-tallies), the Merkle logs and every " +
                "signed checkpoint against it. Prints a numbered checklist; exit 0 all hold, 1 a discrepancy, 2 " +
                "could not run.")
public final class ReplayCommand implements Callable<Integer> {

    static final String VOTES = Topics.VOTES_SUBMITTED;
    static final String POLL_EVENTS = Topics.POLL_EVENTS;
    static final String VOTE_TALLIES = Topics.VOTE_TALLIES;

    @Mixin
    Connections connections;

    @Option(names = "--poll", paramLabel = "ID", description = "Compare only this poll (the Merkle logs still cover all).")
    String poll;

    @Option(names = "--json", description = "Print one JSON report instead of the checklist.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--ledger-group", paramLabel = "GROUP", defaultValue = "ledger",
            description = "The ledger's consumer group, whose committed offsets say it has caught up (default ${DEFAULT-VALUE}).")
    String ledgerGroup;

    @Option(names = "--ledger-polls-group", paramLabel = "GROUP", defaultValue = "ledger-polls",
            description = "The ledger's poll-events consumer group, awaited like --ledger-group (default ${DEFAULT-VALUE}).")
    String ledgerPollsGroup;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the ledger to reach the log's end offsets (else exit 2), and for "
                    + "vote-tallies to show what the log counts (default ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(System.err, !noProgress);
        Duration settle = Duration.ofSeconds(settleSeconds);
        List<String> notes = new ArrayList<>();
        try (Connection db = connections.jdbc().connect();
             LogReader log = new LogReader(connections.kafka(), connections.timeout())) {
            LedgerReader ledger = new LedgerReader(db);
            // Before the end offsets: every leaf counted here comes from a record below them (see MerkleState).
            MerkleState merkle = ledger.merkleState();

            List<TopicPartition> votePartitions = log.partitions(VOTES);
            List<TopicPartition> pollPartitions = log.partitions(POLL_EVENTS);
            if (votePartitions == null || pollPartitions == null) {
                err.println("audit: topic " + (votePartitions == null ? VOTES : POLL_EVENTS) + " does not exist at "
                        + connections.kafka());
                return Checklist.COULD_NOT_RUN;
            }
            List<String> truncated = new ArrayList<>();
            for (List<TopicPartition> topic : List.of(votePartitions, pollPartitions)) {
                Map<Integer, Long> firsts = log.truncated(topic);
                if (!firsts.isEmpty()) {
                    truncated.add(topic.get(0).topic() + " " + new TreeMap<>(firsts));
                }
            }
            if (!truncated.isEmpty()) {
                err.println("audit: the log no longer starts at offset 0 (retention deleted events): partition → first"
                        + " offset " + String.join(", ", truncated) + "; a replay cannot be complete");
                return Checklist.COULD_NOT_RUN;
            }
            // Votes' ends first: a vote names a poll created before it, so every poll a vote below these ends names
            // is below the poll-events ends taken next (the ledger waits for such a poll too, see the README).
            Map<Integer, Long> voteEnds = log.endOffsets(votePartitions);
            Map<Integer, Long> pollEnds = log.endOffsets(pollPartitions);

            PollFold polls = fold(log, pollEnds, progress);
            if (polls.undecodable() > 0) {
                notes.add(polls.undecodable() + " undecodable poll events skipped (the ledger skips them too)");
            }
            if (poll != null && !polls.polls().containsKey(poll) && ledger.polls(poll).isEmpty()) {
                err.println("audit: no poll " + poll + " in poll-events nor in the ledger");
                return Checklist.COULD_NOT_RUN;
            }
            // The ledger first: it appends a batch's dead letters before it commits the batch's offsets, so once it
            // reached the end offsets every letter of a record below them is in votes.dead-letter. Rows it has not
            // written yet would show as missing: not a discrepancy, an audit too early.
            Map<Integer, Long> behind = log.awaitGroup(ledgerGroup, VOTES, voteEnds, settle);
            if (!behind.isEmpty()) {
                err.println("audit: the ledger (group " + ledgerGroup + ") did not reach the log's end offsets within"
                        + " --settle " + settleSeconds + " s: committed " + new TreeMap<>(behind) + " < end "
                        + new TreeMap<>(voteEnds) + "; the audit would be incomplete (run it again once the ledger"
                        + " caught up, or with a longer --settle)");
                return Checklist.COULD_NOT_RUN;
            }
            PublishedLetters letters = readLetters(log, progress);
            Map<String, DeadLetter> refused = refusedByDatabase(letters);

            VoteReplay replay = new VoteReplay(polls.polls(), poll, merkle.wantedSizes(), merkle.legacyUpTo());
            long replayStart = System.nanoTime();
            progress.start(VOTES, sum(voteEnds));
            log.readBatches(VOTES, voteEnds, batch -> {
                // Decoding JSON is most of a replay's CPU and pure: done in parallel, judged in order after.
                VoteRecord[] decoded = new VoteRecord[batch.size()];
                IntStream.range(0, decoded.length).parallel()
                        .forEach(i -> decoded[i] = VoteRecords.read(batch.get(i).value()));
                for (int i = 0; i < decoded.length; i++) {
                    ConsumerRecord<byte[], byte[]> record = batch.get(i);
                    replay.accept(asLedgerSawIt(decoded[i], refused.get(record.partition() + "@" + record.offset())),
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                            record.partition(), record.offset());
                }
                progress.advance(decoded.length);
            });
            progress.finish();
            long replayNanos = System.nanoTime() - replayStart;
            ReplayOutcome outcome = replay.finish(voteEnds, polls.events());
            if (outcome.counts().poison() > 0) {
                notes.add(outcome.counts().poison() + " poison records in " + VOTES + " (dead-lettered; malformed when"
                        + " they carry an event id), first: " + String.join("; ", outcome.poisonShown()));
            }

            // The polls table trails poll-events the same way: a poll the projector has not stored yet is no discrepancy.
            Map<Integer, Long> pollsBehind = log.awaitGroup(ledgerPollsGroup, POLL_EVENTS, pollEnds, settle);
            if (!pollsBehind.isEmpty()) {
                err.println("audit: the ledger's poll projector (group " + ledgerPollsGroup + ") did not reach the end of "
                        + POLL_EVENTS + " within --settle " + settleSeconds + " s: committed "
                        + new TreeMap<>(pollsBehind) + " < end " + new TreeMap<>(pollEnds)
                        + "; run the audit again once it caught up");
                return Checklist.COULD_NOT_RUN;
            }

            LedgerAudit audit = new LedgerAudit(outcome, poll, merkle);
            LedgerSnapshot snapshot = ledger.read(poll, audit::vote, audit::rejection, progress);
            // Polls created or closed while the audit ran are in the ledger already: fold poll-events again to tell
            // them from a poll the ledger got wrong.
            Map<Integer, Long> pollEndsAfter = log.endOffsets(pollPartitions);
            Map<String, Poll> pollsAfter = pollEndsAfter.equals(pollEnds) ? null
                    : fold(log, pollEndsAfter, progress).polls();

            Map<String, Map<String, Long>> published = null;
            Set<String> live = Set.of();
            List<TopicPartition> tallyPartitions = log.partitions(VOTE_TALLIES);
            if (tallyPartitions != null) {
                // The projections trail the ledger by design: read vote-tallies again until it holds or --settle ends.
                long deadline = System.nanoTime() + settle.toNanos();
                PublishedTallies tallies;
                while (true) {
                    tallies = readTallies(log, tallyPartitions, progress);
                    published = tallies.tallies();
                    if (audit.published(published, live).status() != Status.FAIL) {
                        break;
                    }
                    // Differences: are they votes that arrived while the audit ran? The ledger knows (a scan).
                    live = ledger.pollsPast(voteEnds);
                    if (audit.published(published, live).status() != Status.FAIL || System.nanoTime() > deadline) {
                        break;
                    }
                    Thread.sleep(LogReader.SETTLE_INTERVAL.toMillis());
                }
                if (tallies.undecodable() > 0) {
                    notes.add(tallies.undecodable() + " undecodable records in " + VOTE_TALLIES + " skipped");
                }
            }

            TrustedKey trusted = TrustedKey.load(connections.publicKey());
            Checklist ledgerChecks = audit.finish(snapshot, merkle, published, live, pollsAfter, trusted.key(),
                    trusted.problem());
            List<Check> checks = new ArrayList<>(ledgerChecks.checks());
            checks.add(DeadLetterAudit.check(outcome.letters(), letters, voteEnds));
            Checklist checklist = new Checklist(checks);
            if (letters != null && letters.foreign() > 0) {
                notes.add(letters.foreign() + " records in " + Topics.VOTES_DEAD_LETTER + " carry no dead-letter headers");
            }
            notes.addAll(audit.notes());
            long replayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(replayNanos));
            long rate = (outcome.counts().events() + outcome.counts().poison()) * TimeUnit.SECONDS.toMillis(1)
                    / replayMillis;
            ReplayReport report = new ReplayReport(poll, new TreeMap<>(voteEnds), outcome.counts(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), replayMillis, rate, checklist.checks(),
                    new TreeMap<>(outcome.tallies()), heads(outcome), notes, checklist.exitCode());
            out.print(json ? EventCodec.toJson(report) + "\n" : ReportText.render(report));
            out.flush();
            return checklist.exitCode();
        }
    }

    /** Every poll event below {@code ends}, folded as the ledger's projector folds them. */
    private static PollFold fold(LogReader log, Map<Integer, Long> ends, Progress progress) {
        PollFold polls = new PollFold();
        progress.start(POLL_EVENTS, sum(ends));
        log.read(POLL_EVENTS, ends, (partition, offset, key, value) -> {
            polls.accept(value);
            progress.advance(1);
        });
        progress.finish();
        return polls;
    }

    private static PublishedTallies readTallies(LogReader log, List<TopicPartition> partitions, Progress progress) {
        PublishedTallies tallies = new PublishedTallies();
        Map<Integer, Long> ends = log.endOffsets(partitions);
        progress.start(VOTE_TALLIES, sum(ends));
        log.read(VOTE_TALLIES, ends, (partition, offset, key, value) -> {
            tallies.accept(key, value);
            progress.advance(1);
        });
        progress.finish();
        return tallies;
    }

    private static List<LogHead> heads(ReplayOutcome outcome) {
        List<LogHead> heads = new ArrayList<>();
        new TreeMap<>(outcome.logs()).forEach((partition, log) ->
                heads.add(new LogHead(partition, log.size(), MerkleHash.hex(log.root()))));
        return heads;
    }

    /**
     * The record as the ledger judged it: a vote PostgreSQL refused for its data is poison there (the ledger says so in
     * a refused-by-database letter, the one verdict the log alone cannot tell); everything else as it reads.
     */
    private static VoteRecord asLedgerSawIt(VoteRecord read, DeadLetter refused) {
        if (refused == null || !(read instanceof VoteRecord.Vote vote)) {
            return read;
        }
        return new VoteRecord.Poison(DeadLetterReason.REFUSED_BY_DATABASE, refused.detail(), vote.vote().eventId(), null,
                null, null, null, read.value());
    }

    /** votes.dead-letter up to its end, or null when the topic does not exist (a stack from before it). */
    private static PublishedLetters readLetters(LogReader log, Progress progress) {
        List<TopicPartition> partitions = log.partitions(Topics.VOTES_DEAD_LETTER);
        if (partitions == null) {
            return null;
        }
        PublishedLetters letters = new PublishedLetters();
        Map<Integer, Long> ends = log.endOffsets(partitions);
        progress.start(Topics.VOTES_DEAD_LETTER, sum(ends));
        log.readBatches(Topics.VOTES_DEAD_LETTER, ends, batch -> {
            batch.forEach(letters::accept);
            progress.advance(batch.size());
        });
        progress.finish();
        return letters;
    }

    private static Map<String, DeadLetter> refusedByDatabase(PublishedLetters letters) {
        Map<String, DeadLetter> refused = new HashMap<>();
        if (letters != null) {
            letters.bySource().forEach((source, published) -> {
                if (published.letter().reason() == DeadLetterReason.REFUSED_BY_DATABASE) {
                    refused.put(source, published.letter());
                }
            });
        }
        return refused;
    }

    private static long sum(Map<Integer, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }
}
