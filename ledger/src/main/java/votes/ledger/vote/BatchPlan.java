package votes.ledger.vote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import votes.events.poll.Poll;
import votes.events.rule.Decision;
import votes.events.rule.LedgerBook;

/**
 * What one batch will write: the verdict of {@link LedgerBook} on every record, in log order. Pure, so the
 * ledger's batching adds nothing to the rule the audit replay applies.
 *
 * @param records votes to insert, each the first valid one of its (poll, voter)
 * @param rejections refused votes and malformed poison, at most one per event id
 * @param redeliveries records whose own event is already recorded: nothing to write
 */
public record BatchPlan(List<LedgerEntry> records, List<Rejection> rejections, int redeliveries) {

    public static BatchPlan decide(Function<String, Poll> polls, List<RecordedVote> alreadyRecorded,
                                   List<? extends BatchRecord> batch) {
        LedgerBook book = new LedgerBook(polls, alreadyRecorded.size() + batch.size());
        alreadyRecorded.forEach(row -> book.remember(row.pollId(), row.voterId(), row.eventId()));
        List<LedgerEntry> records = new ArrayList<>(batch.size());
        // Keyed by event id: an event the log carries twice in one batch is refused once.
        Map<UUID, Rejection> rejections = new LinkedHashMap<>();
        int redeliveries = 0;
        for (BatchRecord record : batch) {
            if (record instanceof LedgerEntry entry) {
                Decision decision = book.apply(entry.vote());
                if (decision instanceof Decision.Record) {
                    records.add(entry);
                } else if (decision instanceof Decision.Reject reject) {
                    rejections.putIfAbsent(entry.vote().eventId(), Rejection.of(entry, reject.reason()));
                } else {
                    redeliveries++;
                }
            } else if (record instanceof PoisonEntry poison && poison.poison().judged()) {
                if (book.applyPoison(poison.poison().eventId()) instanceof Decision.Reject) {
                    rejections.putIfAbsent(poison.poison().eventId(), Rejection.malformed(poison));
                } else {
                    redeliveries++;
                }
            }
        }
        return new BatchPlan(List.copyOf(records), List.copyOf(rejections.values()), redeliveries);
    }
}
