package votes.audit.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import votes.audit.check.Checklist;
import votes.audit.check.LedgerAudit;
import votes.audit.check.ReplayReport;
import votes.audit.check.ReportText;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.ledger.LedgerReader;
import votes.audit.progress.Progress;
import votes.audit.replay.LogReader;
import votes.audit.replay.PollFold;
import votes.audit.replay.ReplayOutcome;
import votes.proofs.checkpoint.LogHead;
import votes.events.codec.EventCodec;
import votes.proofs.merkle.MerkleHash;
import votes.events.topic.Topics;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays poll-events and votes.submitted from offset 0 with the ledger rule from events/ and " +
                "checks the ledger (PostgreSQL), the published tallies (vote-tallies), the Merkle logs and every " +
                "signed checkpoint against it. Prints a numbered checklist; exit 0 all hold, 1 a discrepancy, 2 " +
                "could not run.")
public final class ReplayCommand implements Callable<Integer> {

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
        try (Connection db = connections.jdbc().connect();
             LogReader log = new LogReader(connections.kafkaClient(), connections.timeout())) {
            Progress progress = new Progress(System.err, !noProgress);
            ReplaySteps steps = new ReplaySteps(log, new LedgerReader(db), progress, poll,
                    Duration.ofSeconds(settleSeconds));
            VotesReplay votes = new VotesReplay(log, progress);
            ReplaySources sources = steps.sources(connections.kafka());
            PollFold polls = steps.polls(sources);
            steps.awaitLedger(ledgerGroup, sources);
            PublishedLetters letters = votes.readLetters();
            VotesReplay.Replayed replayed = votes.replay(sources, polls, poll, letters);
            steps.notePoison(replayed.outcome());
            steps.awaitPollProjector(ledgerPollsGroup, sources);
            ReplaySteps.LedgerRead ledger = steps.readLedger(sources, replayed.outcome());
            ReplaySteps.Published published = steps.readPublished(sources, ledger.audit());
            Checklist checklist = check(sources, ledger, published, letters);
            notes(steps.notes(), letters, ledger.audit());
            print(report(started, sources, replayed, checklist, steps.notes()));
            return checklist.exitCode();
        } catch (CouldNotRun e) {
            spec.commandLine().getErr().println("audit: " + e.getMessage());
            return Checklist.COULD_NOT_RUN;
        }
    }

    /** Every item of the checklist, on what the steps gathered. */
    private Checklist check(ReplaySources sources, ReplaySteps.LedgerRead ledger, ReplaySteps.Published published,
                            PublishedLetters letters) {
        TrustedKey trusted = TrustedKey.load(connections.publicKey());
        return ledger.audit().finish(ledger.snapshot(), sources.merkle(), published.tallies(), published.live(),
                ledger.pollsAfter(), trusted.key(), trusted.problem(), letters);
    }

    private static void notes(List<String> notes, PublishedLetters letters, LedgerAudit audit) {
        if (letters != null && letters.foreign() > 0) {
            notes.add(letters.foreign() + " records in " + Topics.VOTES_DEAD_LETTER + " carry no dead-letter headers");
        }
        notes.addAll(audit.notes());
    }

    private ReplayReport report(long started, ReplaySources sources, VotesReplay.Replayed replayed,
                                Checklist checklist, List<String> notes) {
        ReplayOutcome outcome = replayed.outcome();
        long rate = (outcome.counts().events() + outcome.counts().poison()) * TimeUnit.SECONDS.toMillis(1)
                / replayed.millis();
        return new ReplayReport(poll, new TreeMap<>(sources.voteEnds()), outcome.counts(), outcome.voids().counts(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), replayed.millis(), rate, checklist.checks(),
                new TreeMap<>(outcome.counted()), heads(outcome), notes, checklist.exitCode());
    }

    private void print(ReplayReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? EventCodec.toJson(report) + "\n" : ReportText.render(report));
        out.flush();
    }

    private static List<LogHead> heads(ReplayOutcome outcome) {
        List<LogHead> heads = new ArrayList<>();
        new TreeMap<>(outcome.logs()).forEach((partition, log) ->
                heads.add(new LogHead(partition, log.size(), MerkleHash.hex(log.root()))));
        return heads;
    }
}
