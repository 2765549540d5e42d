package votes.audit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import votes.audit.check.Checklist;
import votes.audit.check.LedgerAudit;
import votes.audit.check.ReplayReport;
import votes.audit.check.ReportText;
import votes.audit.ledger.LedgerReader;
import votes.audit.ledger.LedgerSnapshot;
import votes.audit.ledger.MerkleState;
import votes.audit.progress.Progress;
import votes.audit.replay.LogReader;
import votes.audit.replay.PollFold;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.RootHistory;
import votes.audit.replay.VoteReplay;
import votes.audit.tally.PublishedTallies;
import votes.events.checkpoint.LogHead;
import votes.events.codec.EventCodec;
import votes.events.codec.EventCodecException;
import votes.events.merkle.MerkleHash;
import votes.events.vote.VoteSubmitted;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays poll-events and votes.submitted from offset 0 with the ledger rule from events/ and " +
                "checks the ledger (PostgreSQL), the published tallies (vote-tallies), the Merkle logs and every " +
                "signed checkpoint against it. Prints a numbered checklist; exit 0 all hold, 1 a discrepancy, 2 " +
                "could not run.")
public final class ReplayCommand implements Callable<Integer> {

    static final String VOTES = "votes.submitted";
    static final String POLL_EVENTS = "poll-events";
    static final String VOTE_TALLIES = "vote-tallies";

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

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the ledger to reach the log's end offsets (default ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(System.err, !noProgress);
        List<String> notes = new ArrayList<>();
        try (Connection db = connections.jdbc().connect(); LogReader log = new LogReader(connections.kafka())) {
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
            Map<Integer, Long> truncated = log.truncated(votePartitions);
            truncated.putAll(log.truncated(pollPartitions));
            if (!truncated.isEmpty()) {
                err.println("audit: the log no longer starts at offset 0 (retention deleted events): partition → first offset "
                        + new TreeMap<>(truncated) + "; a replay cannot be complete");
                return Checklist.COULD_NOT_RUN;
            }
            Map<Integer, Long> pollEnds = log.endOffsets(pollPartitions);
            Map<Integer, Long> voteEnds = log.endOffsets(votePartitions);

            PollFold polls = new PollFold();
            long[] badPollEvents = {0};
            progress.start(POLL_EVENTS, sum(pollEnds));
            log.read(POLL_EVENTS, pollEnds, (partition, offset, key, value) -> {
                try {
                    if (value != null) {
                        polls.accept(EventCodec.decodePollEvent(value));
                    }
                } catch (EventCodecException e) {
                    badPollEvents[0]++;
                }
                progress.advance(1);
            });
            progress.finish();
            if (badPollEvents[0] > 0) {
                notes.add(badPollEvents[0] + " undecodable poll events skipped (the ledger skips them too)");
            }

            if (poll != null && !polls.polls().containsKey(poll) && ledger.polls(poll).isEmpty()) {
                err.println("audit: no poll " + poll + " in poll-events nor in the ledger");
                return Checklist.COULD_NOT_RUN;
            }
            VoteReplay replay = new VoteReplay(polls.polls(), poll, merkle.wantedSizes(), merkle.legacyUpTo());
            long replayStart = System.nanoTime();
            progress.start(VOTES, sum(voteEnds));
            log.readBatches(VOTES, voteEnds, batch -> {
                // Decoding JSON is most of a replay's CPU and pure: done in parallel, judged in order after.
                Object[] decoded = new Object[batch.size()];
                IntStream.range(0, decoded.length).parallel().forEach(i -> decoded[i] = decode(batch.get(i).value()));
                for (int i = 0; i < decoded.length; i++) {
                    ConsumerRecord<byte[], byte[]> record = batch.get(i);
                    if (decoded[i] instanceof VoteSubmitted vote) {
                        replay.accept(vote, record.partition(), record.offset());
                    } else {
                        replay.undecodable(record.partition(), record.offset(), (String) decoded[i]);
                    }
                }
                progress.advance(decoded.length);
            });
            progress.finish();
            long replayNanos = System.nanoTime() - replayStart;
            ReplayOutcome outcome = replay.finish(voteEnds, polls.events());
            outcome.undecodable().forEach(u -> notes.add("undecodable vote record skipped at " + VOTES + " " + u));

            Map<Integer, Long> behind = log.awaitGroup(ledgerGroup, VOTES, voteEnds, Duration.ofSeconds(settleSeconds));
            if (!behind.isEmpty()) {
                notes.add("the ledger (group " + ledgerGroup + ") has not caught up with the log: committed "
                        + new TreeMap<>(behind) + " < end " + new TreeMap<>(voteEnds) + "; its missing rows show below");
            }

            LedgerAudit audit = new LedgerAudit(outcome, poll, merkle);
            LedgerSnapshot snapshot = ledger.read(poll, audit::vote, audit::rejection, progress);

            Map<String, Map<String, Long>> published = null;
            List<TopicPartition> tallyPartitions = log.partitions(VOTE_TALLIES);
            if (tallyPartitions != null) {
                PublishedTallies tallies = new PublishedTallies();
                Map<Integer, Long> tallyEnds = log.endOffsets(tallyPartitions);
                progress.start(VOTE_TALLIES, sum(tallyEnds));
                log.read(VOTE_TALLIES, tallyEnds, (partition, offset, key, value) -> {
                    tallies.accept(key, value);
                    progress.advance(1);
                });
                progress.finish();
                published = tallies.tallies();
            }

            TrustedKey trusted = TrustedKey.load(connections.publicKey());
            Checklist checklist = audit.finish(snapshot, merkle, published, trusted.key(), trusted.problem());
            long seconds = Math.max(1, replayNanos / 1_000_000);
            long rate = (outcome.counts().events() + outcome.counts().undecodable()) * 1000 / seconds;
            ReplayReport report = new ReplayReport(poll, new TreeMap<>(voteEnds), outcome.counts(),
                    (System.nanoTime() - started) / 1_000_000, replayNanos / 1_000_000, rate, checklist.checks(),
                    new TreeMap<>(outcome.tallies()), heads(outcome), notes, checklist.exitCode());
            out.print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n" : ReportText.render(report));
            out.flush();
            return checklist.exitCode();
        }
    }

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static List<LogHead> heads(ReplayOutcome outcome) {
        List<LogHead> heads = new ArrayList<>();
        new TreeMap<>(outcome.logs()).forEach((partition, log) ->
                heads.add(new LogHead(partition, log.size(), MerkleHash.hex(log.root()))));
        return heads;
    }

    /** The vote, or why the bytes are none (the ledger skips such a record too). */
    private static Object decode(byte[] value) {
        if (value == null) {
            return "no value";
        }
        try {
            return EventCodec.decodeVote(value);
        } catch (EventCodecException e) {
            return e.getMessage();
        }
    }

    private static long sum(Map<Integer, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }
}
