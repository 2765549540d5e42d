package votes.perf.pervote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.events.codec.EventCodec;
import votes.events.codec.VoteRecord;
import votes.events.codec.VoteRecords;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;
import votes.events.rule.Decision;
import votes.events.rule.LedgerBook;
import votes.events.vote.VoteSubmitted;
import votes.perf.baseline.SyntheticVotes;
import votes.perf.report.Medians;
import votes.perf.report.Table;
import votes.proofs.merkle.LedgerLeaf;

/**
 * The ledger's own code per vote, alone in one JVM thread: a record's value read into a vote (what its Kafka
 * deserializer does, the storable checks included), judged by a batch's {@link LedgerBook}, and hashed as its Merkle
 * leaf. No Kafka, SmallRye, PostgreSQL or Netty: those are the rest of a catch-up's work per vote (run-baseline's
 * THREADS line). Cheaper to run and far less noisy than a catch-up, so a cut in this code shows here first; the
 * catch-up's rate against the raw insert stays the figure that counts (issue 12, item 3).
 */
@Command(name = "ledger-vote-work", mixinStandardHelpOptions = true, sortOptions = false,
        description = "ns per vote of the ledger's own code (decode, judge, leaf hash), median of timed rounds.")
public final class LedgerVoteWork implements Callable<Integer> {

    private static final String POLL = "perf-ledger-work";
    private static final List<String> OPTIONS = List.of("a", "b", "c");

    @Option(names = "--batch", defaultValue = "2000", description = "Votes per judged batch, as the ledger's cap.")
    int batch;

    @Option(names = "--batches", defaultValue = "50", description = "Batches per round.")
    int batches;

    @Option(names = "--warmup-rounds", defaultValue = "20", description = "Rounds run before timing (the JIT).")
    int warmupRounds;

    @Option(names = "--rounds", defaultValue = "15", description = "Timed rounds; the median is printed.")
    int rounds;

    private long sink;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new LedgerVoteWork(), args));
    }

    @Override
    public Integer call() {
        List<byte[]> values = new ArrayList<>(batch * batches);
        for (int i = 0; i < batch * batches; i++) {
            values.add(EventCodec.encode(SyntheticVotes.vote(POLL, "work-", i, OPTIONS.get(i % OPTIONS.size()))));
        }
        Instant now = Instant.now();
        Poll poll = new Poll(POLL, "ledger work", OPTIONS.stream().map(id -> new PollOption(id, id)).toList(),
                now.minusSeconds(3600), now.plusSeconds(3600), null, now.minusSeconds(3600));
        Map<String, List<Double>> timings = new LinkedHashMap<>();
        for (int round = 0; round < warmupRounds + rounds; round++) {
            Map<String, Double> perVote = round(values, poll);
            if (round >= warmupRounds) {
                perVote.forEach((step, ns) -> timings.computeIfAbsent(step, s -> new ArrayList<>()).add(ns));
            }
        }
        Table table = new Table("step", "ns per vote (median)", "min", "max");
        timings.forEach((step, ns) -> table.row(step, format(Medians.of(ns)),
                format(Medians.min(ns)), format(Medians.max(ns))));
        System.out.println(table.render());
        timings.forEach((step, ns) -> System.out.printf(Locale.ROOT, "LEDGER_WORK %s %.1f%n", step, Medians.of(ns)));
        // Printed so the JIT cannot drop the work as unused.
        System.out.println("(checksum " + sink + ")");
        return 0;
    }

    private Map<String, Double> round(List<byte[]> values, Poll poll) {
        List<VoteSubmitted> votes = new ArrayList<>(values.size());
        long start = System.nanoTime();
        for (byte[] value : values) {
            if (VoteRecords.read(value) instanceof VoteRecord.Vote vote) {
                votes.add(vote.vote());
            }
        }
        long read = System.nanoTime();
        for (int from = 0; from < votes.size(); from += batch) {
            LedgerBook book = new LedgerBook(id -> poll, batch);
            for (VoteSubmitted vote : votes.subList(from, Math.min(from + batch, votes.size()))) {
                sink += book.apply(vote) instanceof Decision.Record ? 1 : 0;
            }
        }
        long judged = System.nanoTime();
        for (int i = 0; i < votes.size(); i++) {
            sink += LedgerLeaf.of(votes.get(i), i % 3, i).hash()[0];
        }
        long hashed = System.nanoTime();
        if (votes.size() != values.size()) {
            throw new IllegalStateException((values.size() - votes.size()) + " synthetic votes did not read as votes");
        }
        double n = votes.size();
        Map<String, Double> perVote = new LinkedHashMap<>();
        perVote.put("read (decode + storable)", (read - start) / n);
        perVote.put("judge (ledger book)", (judged - read) / n);
        perVote.put("leaf hash", (hashed - judged) / n);
        perVote.put("total", (hashed - start) / n);
        return perVote;
    }

    private static String format(double ns) {
        return String.format(Locale.ROOT, "%.0f", ns);
    }
}
