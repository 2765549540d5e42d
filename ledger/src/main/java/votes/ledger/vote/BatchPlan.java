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
 * What one batch will write: the verdict of {@link LedgerBook} on every entry, in log order. Pure, so the
 * ledger's batching adds nothing to the rule the audit replay applies.
 *
 * @param records votes to insert, each the first valid one of its (poll, voter)
 * @param rejections refused votes, at most one per event id
 * @param redeliveries entries whose own event is already recorded: nothing to write
 */
public record BatchPlan(List<LedgerEntry> records, List<Rejection> rejections, int redeliveries) {

    public static BatchPlan decide(Function<String, Poll> polls, List<RecordedVote> alreadyRecorded,
                                   List<LedgerEntry> entries) {
        LedgerBook book = new LedgerBook(polls);
        alreadyRecorded.forEach(row -> book.remember(row.pollId(), row.voterId(), row.eventId()));
        List<LedgerEntry> records = new ArrayList<>();
        // Keyed by event id: an event the log carries twice in one batch is refused once.
        Map<UUID, Rejection> rejections = new LinkedHashMap<>();
        int redeliveries = 0;
        for (LedgerEntry entry : entries) {
            Decision decision = book.apply(entry.vote());
            if (decision instanceof Decision.Record) {
                records.add(entry);
            } else if (decision instanceof Decision.Reject reject) {
                rejections.putIfAbsent(entry.vote().eventId(), new Rejection(entry, reject.reason()));
            } else {
                redeliveries++;
            }
        }
        return new BatchPlan(List.copyOf(records), List.copyOf(rejections.values()), redeliveries);
    }
}
