package votes.audit.cli;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import votes.audit.deadletter.PublishedLetters;
import votes.audit.progress.Progress;
import votes.audit.replay.LogReader;
import votes.audit.replay.PollFold;
import votes.audit.replay.ReplayOutcome;
import votes.audit.replay.VoidOutcome;
import votes.audit.replay.VoidReplay;
import votes.audit.replay.VoteReplay;
import votes.events.codec.VoteRecord;
import votes.events.codec.VoteRecords;
import votes.events.deadletter.DeadLetter;
import votes.events.deadletter.DeadLetterReason;
import votes.events.topic.Topics;

/** The replay's core step: votes.submitted up to its end offsets through the ledger's rule, as the ledger saw it. */
final class VotesReplay {

    /** @param millis how long the replay of votes.submitted took, at least 1 */
    record Replayed(ReplayOutcome outcome, long millis) {
    }

    private final LogReader log;
    private final Progress progress;

    VotesReplay(LogReader log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    /** votes.dead-letter up to its end, or null when the topic does not exist (a stack from before it). */
    PublishedLetters readLetters() {
        List<TopicPartition> partitions = log.partitions(Topics.VOTES_DEAD_LETTER);
        if (partitions == null) {
            return null;
        }
        PublishedLetters letters = new PublishedLetters();
        Map<Integer, Long> ends = log.endOffsets(partitions);
        progress.start(Topics.VOTES_DEAD_LETTER, ReplaySteps.sum(ends));
        log.readBatches(Topics.VOTES_DEAD_LETTER, ends, batch -> {
            batch.forEach(letters::accept);
            progress.advance(batch.size());
        });
        progress.finish();
        return letters;
    }

    Replayed replay(ReplaySources sources, PollFold polls, String poll, PublishedLetters letters) {
        Map<String, DeadLetter> refused = refusedByDatabase(letters);
        VoteReplay replay = new VoteReplay(polls.polls(), poll, sources.merkle().wantedSizes(),
                sources.merkle().legacyUpTo());
        long start = System.nanoTime();
        progress.start(Topics.VOTES_SUBMITTED, ReplaySteps.sum(sources.voteEnds()));
        log.readBatches(Topics.VOTES_SUBMITTED, sources.voteEnds(), batch -> {
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
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        ReplayOutcome votes = replay.finish(sources.voteEnds(), polls.events());
        // After every vote is judged: a void names votes by id, whichever topic the ledger met first.
        VoidOutcome voids = new VoidReplay(polls.polls(), poll, sources.merkle().wantedSizes())
                .replay(polls.voids(), sources.pollEnds(), votes.expected());
        return new Replayed(votes.withVoids(voids), millis);
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
}
